// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { mountPanel, settle } from './mount-panel.tsx';
import { harEntry } from './har-entries.ts';

afterEach(cleanup);

const start = Date.parse('2026-11-22T05:00:00.000Z');
const unavailable = (n: number) =>
  harEntry({
    url: 'https://api.flaky.test/v1/report',
    status: 503,
    body: '{"message":"try later"}',
    at: start + n * 100,
  });

describe('findings strip', () => {
  it('shows session findings and clicking one selects its exchanges', async () => {
    const { store } = await mountPanel(Array.from({ length: 6 }, (_, n) => unavailable(n)));
    const buttons = screen.getAllByTestId('finding');
    expect(buttons.length).toBeGreaterThan(0);
    const finding = store.findings.value[0]!;
    await settle(() => fireEvent.click(buttons[0]!));
    expect(finding.entries).toContain(store.selectedId.value);
    expect(screen.getByTestId('detail')).toBeTruthy();
    const listed = [...document.querySelectorAll<HTMLElement>('[data-testid="failure"]')].map((el) =>
      Number(el.dataset['index']),
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((id) => finding.entries.includes(id))).toBe(true);
    expect(screen.getByTestId('finding-focus').textContent).toContain(`#${finding.entries[0]}`);
    await settle(() => fireEvent.click(screen.getByTestId('show-all')));
    expect(document.querySelectorAll('[data-testid="failure"]')).toHaveLength(6);
  });
});

describe('rate-limit gauge', () => {
  afterEach(() => vi.useRealTimers());

  it('shows remaining of limit and a reset that counts down live, from successes too', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const ok = harEntry({
      url: 'https://api.withpersona.com/api/v1/accounts',
      status: 200,
      at: Date.now(),
      responseHeaders: [
        { name: 'RateLimit-Limit', value: '100' },
        { name: 'RateLimit-Remaining', value: '10' },
        { name: 'RateLimit-Reset', value: '30' },
      ],
    });
    await mountPanel([ok]);
    const gauge = screen.getByTestId('rate-limit');
    expect(gauge.dataset['host']).toBe('api.withpersona.com');
    expect(gauge.textContent).toContain('10 of 100 left');
    // The response arrived 42 ms after "now": the full 30 s, then 25.042 s left 5 s later.
    expect(screen.getByTestId('rate-limit-text').textContent).toMatch(/^10 of 100 left, resets in 30 s/);
    expect(gauge.classList.contains('low')).toBe(true);
    await settle(() => vi.advanceTimersByTime(5_000));
    expect(screen.getByTestId('rate-limit').textContent).toContain('resets in 26 s');
    await settle(() => vi.advanceTimersByTime(40_000));
    expect(screen.getByTestId('rate-limit').textContent).toContain('reset at');
    expect(screen.getByTestId('rate-limit').classList.contains('stale')).toBe(true);
  });

  it('draws an empty window as an empty bar, not a full one', async () => {
    const empty = harEntry({
      url: 'https://api.withpersona.com/api/v1/accounts',
      status: 200,
      responseHeaders: [
        { name: 'RateLimit-Limit', value: '100' },
        { name: 'RateLimit-Remaining', value: '0' },
      ],
    });
    await mountPanel([empty]);
    const bar = screen.getByRole('meter');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect((bar.firstElementChild as HTMLElement).style.width).toBe('0.0%');
  });
});
