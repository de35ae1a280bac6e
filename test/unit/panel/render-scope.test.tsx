// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { options, type VNode } from 'preact';
import { FailureDetail } from '../../../src/panel/components/failure-detail.tsx';
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
