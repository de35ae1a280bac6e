// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { options, type VNode } from 'preact';
import { FailureDetail } from '../../../src/panel/components/failure-detail.tsx';
import { FailureListRow } from '../../../src/panel/components/failure-list-row.tsx';
import { FindingsStrip } from '../../../src/panel/components/findings-strip.tsx';
import { failures, mountPanel, settle } from './mount-panel.tsx';
import { notFoundItem } from './har-entries.ts';

afterEach(cleanup);

const failing = notFoundItem;

/** Counts how often Preact diffs each of `components` while `during` runs (Preact's options hook). */
async function diffsOf(components: unknown[], during: () => Promise<void>): Promise<number[]> {
  const counts = components.map(() => 0);
  const previous = options.diffed;
  options.diffed = (vnode: VNode) => {
    const at = components.indexOf(vnode.type);
    if (at >= 0) counts[at] = (counts[at] ?? 0) + 1;
    previous?.(vnode);
  };
  try {
    await during();
  } finally {
    if (previous === undefined) delete options.diffed;
    else options.diffed = previous;
  }
  return counts;
}

describe('what an update of the views re-renders', () => {
  it('captured failures re-render the list, not the open detail or the findings', async () => {
    const { platform } = await mountPanel([failing(0)]);
    fireEvent.click(failures()[0] as HTMLElement);
    expect(screen.getByTestId('ticket').textContent).toContain('/v1/items/0');
    const [detail, findings] = await diffsOf([FailureDetail, FindingsStrip], async () => {
      for (let n = 1; n <= 5; n++) await settle(() => platform.entries([failing(n)]));
    });
    expect(failures()).toHaveLength(6);
    expect(detail).toBe(0);
    expect(findings).toBe(0);
    // Still the first failure's ticket.
    expect(screen.getByTestId('ticket').textContent).toContain('/v1/items/0');
  });
});

/**
 * Counts how often `component` renders while `during` runs: Preact's render hook (`options._render`,
 * named `__r` in the published build, as @preact/signals hooks it) runs only when a component
 * renders, unlike `diffed`, which also runs for one whose shouldComponentUpdate said no.
 */
async function rendersOf(component: unknown, during: () => Promise<void>): Promise<number> {
  type RenderHook = ((vnode: VNode) => void) | undefined;
  const hooks = options as unknown as { __r: RenderHook };
  const previous = hooks.__r;
  let count = 0;
  hooks.__r = (vnode) => {
    if (vnode.type === component) count++;
    previous?.(vnode);
  };
  try {
    await during();
  } finally {
    hooks.__r = previous;
  }
  return count;
}

describe('what a selection re-renders in the list', () => {
  it('only the lines whose selection changed; a captured failure re-renders every line (its place in the set)', async () => {
    const { platform } = await mountPanel(Array.from({ length: 20 }, (_, n) => failing(n)));
    fireEvent.click(failures()[3] as HTMLElement);
    const selecting = await rendersOf(FailureListRow, async () => {
      fireEvent.click(failures()[7] as HTMLElement);
      await settle(() => undefined);
    });
    // The line left and the line selected; the other 18 are not diffed again.
    expect(selecting).toBe(2);
    expect(failures()[7]?.getAttribute('aria-selected')).toBe('true');
    expect(failures()[3]?.getAttribute('aria-selected')).toBe('false');
    // A captured failure changes every line's aria-setsize: all of them render again, correctly.
    const updating = await rendersOf(FailureListRow, () => settle(() => platform.entries([failing(20)])));
    expect(updating).toBe(21);
    expect(failures()[0]?.getAttribute('aria-setsize')).toBe('21');
  });
});
