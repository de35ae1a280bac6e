// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import type { HarEntry } from '../../../src/core/har.ts';
import { parseHar } from '../../../src/core/parse-har.ts';
import { failures, mountPanel, settle } from './mount-panel.tsx';
import { PERSONA_429 } from './har-entries.ts';

afterEach(cleanup);

/** A session fixture's entries, delivered as the devtools page would. */
function fixture(name: string): HarEntry[] {
  // happy-dom gives import.meta.url an http: URL, so the path is taken from the project root.
  const parsed = parseHar(readFileSync(path.resolve('test/fixtures/session', name), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.har.log.entries;
}

const attempts = () => [...document.querySelectorAll<SVGElement>('[data-testid="timeline-attempt"]')];

describe('retry timeline', () => {
  it('draws each endpoint’s attempts with the server’s waits, and a finding lights up its attempts', async () => {
    // retry-before-wait.har: GET /v1/orders, three 429s 2 s apart, each asking for ~30 s.
    const { store } = await mountPanel(fixture('retry-before-wait.har'));
    await settle(() => fireEvent.click(screen.getByTestId('timeline-toggle')));
    const lane = screen.getByTestId('timeline-lane');
    expect(lane.dataset['endpoint']).toMatch(/^GET .*\/v1\/orders$/);
    expect(lane.textContent).toContain('3 attempts, 3 failed, 3 server waits');
    expect(attempts().map((a) => a.dataset['status'])).toEqual(['429', '429', '429']);
    expect(screen.getAllByTestId('timeline-window')).toHaveLength(3);
    expect(screen.getAllByTestId('timeline-gap').map((g) => g.dataset['early'])).toEqual(['true', 'true']);
    // Nothing is highlighted until a finding is picked; then exactly its exchanges are.
    expect(attempts().every((a) => a.dataset['highlighted'] === 'false')).toBe(true);
    const finding = store.findings.value.find((f) => f.kind === 'retry_before_wait')!;
    await settle(() =>
      fireEvent.click(screen.getAllByTestId('finding').find((b) => b.dataset['kind'] === finding.kind)!),
    );
    const lit = attempts()
      .filter((a) => a.dataset['highlighted'] === 'true')
      .map((a) => Number(a.dataset['index']));
    expect(lit).toEqual(finding.entries);
  });

  it('shows where the circuit breaker would open, and a failed attempt opens its detail', async () => {
    await mountPanel(fixture('circuit-breaker.har'));
    await settle(() => fireEvent.click(screen.getByTestId('timeline-toggle')));
    expect(screen.getAllByTestId('timeline-breaker')).toHaveLength(1);
    const first = attempts()[0]!;
    await settle(() => fireEvent.click(first));
    expect(screen.getByTestId('detail')).toBeTruthy();
    expect(
      document.querySelector('[data-testid="failure"][aria-selected="true"]')?.getAttribute('data-index'),
    ).toBe(first.dataset['index']);
  });

  it('uses theme colours only (readable in light and dark)', async () => {
    await mountPanel(fixture('retry-before-wait.har'));
    await settle(() => fireEvent.click(screen.getByTestId('timeline-toggle')));
    // No hard-coded fill or stroke attributes: styles.css colours the marks from theme variables.
    for (const el of screen.getByTestId('timeline').querySelectorAll('svg *'))
      expect([el.getAttribute('fill'), el.getAttribute('stroke')]).toEqual([null, null]);
  });
});

describe('row context menu', () => {
  it('offers the five redacted copies and copies the ticket of the row it was opened on', async () => {
    const { platform } = await mountPanel([PERSONA_429]);
    await settle(() => fireEvent.contextMenu(failures()[0]!, { clientX: 40, clientY: 50 }));
    const menu = await waitFor(() => screen.getByTestId('row-menu'));
    await waitFor(() => expect(menu.querySelectorAll('[role="menuitem"]')).toHaveLength(5));
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent)).toEqual([
      'Copy ticket',
      'Copy as Markdown',
      'Copy as cURL (redacted)',
      'Copy URL (redacted)',
      'Copy response (redacted)',
    ]);
    await settle(() => fireEvent.click(menu.querySelector('[data-action="ticket"]')!));
    expect(screen.queryByTestId('row-menu')).toBeNull();
    await waitFor(() => expect(platform.copies).toHaveLength(1));
    expect(platform.copies[0]).toContain('429');
    expect(platform.copies[0]).not.toContain('persona_sandbox_1234567890abcdef');
    expect(screen.getByTestId('notice').textContent).toContain('Copied ticket.');
  });

  it('copies cURL, URL and response redacted', async () => {
    const { platform } = await mountPanel([PERSONA_429]);
    for (const action of ['curl', 'url', 'response']) {
      await settle(() => fireEvent.contextMenu(failures()[0]!));
      const item = await waitFor(() => {
        const el = document.querySelector(`[data-testid="row-menu"] [data-action="${action}"]`);
        if (el === null) throw new Error('no item yet');
        return el;
      });
      await settle(() => fireEvent.click(item));
    }
    await waitFor(() => expect(platform.copies).toHaveLength(3));
    const [curl, url, response] = platform.copies;
    expect(curl).toMatch(/^curl /);
    expect(curl).not.toContain('persona_sandbox_1234567890abcdef');
    expect(url).toBe('https://api.withpersona.com/api/v1/inquiries');
    expect(response).toContain('Too many requests');
    expect(response).not.toContain('jane.doe@example.com');
  });

  it('opens from the keyboard (Shift+F10) on the selected row and closes with Escape, focus back on the list', async () => {
    await mountPanel([PERSONA_429]);
    const list = screen.getByRole('listbox');
    list.focus();
    await settle(() => fireEvent.keyDown(list, { key: 'ArrowDown' }));
    await settle(() => fireEvent.keyDown(list, { key: 'F10', shiftKey: true }));
    const menu = await waitFor(() => screen.getByTestId('row-menu'));
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('menuitem'));
    await settle(() => fireEvent.keyDown(menu, { key: 'ArrowDown' }));
    expect(document.activeElement?.getAttribute('data-action')).toBe('markdown');
    await settle(() => fireEvent.keyDown(menu, { key: 'Escape' }));
    expect(screen.queryByTestId('row-menu')).toBeNull();
    expect(document.activeElement).toBe(list);
  });
});

describe('column headers', () => {
  it('sort on click, reverse on a second click, and say so with aria-sort', async () => {
    const entries = fixture('circuit-breaker.har');
    await mountPanel(entries);
    const header = (column: string) =>
      document.querySelector<HTMLButtonElement>(`[data-testid="sort-by"][data-column="${column}"]`)!;
    const statuses = () => failures().map((el) => Number(el.dataset['status']));
    await settle(() => fireEvent.click(header('status')));
    expect(statuses()).toEqual([...statuses()].sort((a, b) => a - b));
    expect(header('status').parentElement?.getAttribute('aria-sort')).toBe('ascending');
    await settle(() => fireEvent.click(header('status')));
    expect(statuses()).toEqual([...statuses()].sort((a, b) => b - a));
    expect(header('status').parentElement?.getAttribute('aria-sort')).toBe('descending');
    expect(header('time').parentElement?.getAttribute('aria-sort')).toBe('none');
    expect(header('duration').textContent).toContain('Duration');
  });
});
