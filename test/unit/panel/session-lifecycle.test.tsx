// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { failures, mountPanel, settle } from './mount-panel.tsx';
import { NOT_FOUND, OK, PERSONA_429, harEntry, notFoundItem } from './har-entries.ts';
import { NOTHING_DROPPED } from '../../../src/platform/capture-channel.ts';

afterEach(cleanup);

const failing = notFoundItem;

describe('bounded memory', () => {
  it('evicts the oldest failures beyond the retention limit and says how many were dropped', async () => {
    const { platform, store } = await mountPanel(
      [],
      (p) => (p.stored = { maxFailures: 100, maxSuccesses: 10 }),
    );
    expect(platform.limits).toEqual({
      maxFailures: 100,
      maxSuccesses: 10,
      maxBodyChars: 1_000_000,
      maxRetainedBodyChars: 20 * 1024 * 1024,
    });
    await settle(() => platform.entries(Array.from({ length: 105 }, (_, i) => failing(i))));
    expect(store.failures.value).toHaveLength(100);
    expect(store.failures.value[0]?.exchange.url).toBe('https://api.example.test/v1/items/5');
    expect(screen.getByTestId('dropped').textContent).toContain('dropped 5 failures, 0 successes');
  });

  it('never drops a failure to keep a success', async () => {
    const { platform, store } = await mountPanel(
      [],
      (p) => (p.stored = { maxFailures: 100, maxSuccesses: 10 }),
    );
    const ok = (i: number) => harEntry({ url: `https://api.example.test/ok/${i}`, status: 200 });
    await settle(() =>
      platform.entries(Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? failing(i) : ok(i)))),
    );
    expect(store.failures.value).toHaveLength(100);
    expect(store.counts.value).toEqual({ failures: 100, successes: 10 });
    expect(screen.getByTestId('dropped').textContent).toContain('dropped 0 failures, 190 successes');
  });

  it('adds what the devtools page dropped before the panel opened, by kind', async () => {
    const { platform } = await mountPanel([]);
    await settle(() =>
      platform.send({ initial: false, dropped: { failures: 2, successes: 7, trimmedBodies: 3 }, events: [] }),
    );
    expect(screen.getByTestId('dropped').textContent).toContain('dropped 2 failures, 7 successes');
    expect(screen.getByTestId('trimmed-count').textContent).toContain('3 older bodies trimmed');
  });

  it('cuts bodies to the body limit, marked in the detail', async () => {
    const long = JSON.stringify({ message: 'x'.repeat(3000) });
    const { platform } = await mountPanel([], (p) => (p.stored = { maxBodyChars: 1000 }));
    await settle(() =>
      platform.entries([harEntry({ url: 'https://api.example.test/a', status: 500, body: long })]),
    );
    await settle(() => fireEvent.click(failures()[0]!));
    expect(screen.getByTestId('response-body').textContent).toHaveLength(1000);
    expect(screen.getByTestId('truncated').textContent).toContain(`of ${long.length.toLocaleString('en')}`);
    expect(screen.getByTestId('truncated-count').textContent).toContain('1 bodies truncated');
  });

  it('lowering the limit in Settings evicts at once', async () => {
    const { platform, store } = await mountPanel(Array.from({ length: 150 }, (_, i) => failing(i)));
    await settle(() => fireEvent.click(screen.getByTestId('open-settings')));
    await settle(() => fireEvent.change(screen.getByTestId('max-failures'), { target: { value: '120' } }));
    expect(store.failures.value).toHaveLength(120);
    expect(platform.writes.at(-1)).toMatchObject({ maxFailures: 120 });
    expect(platform.limits).toMatchObject({ maxFailures: 120, maxSuccesses: 2_000 });
  });

  it('a smaller body budget in Settings trims the oldest bodies, keeps every failure, and says so', async () => {
    const big = (i: number) =>
      harEntry({
        url: `https://api.example.test/v1/big/${i}`,
        status: 500,
        body: JSON.stringify({ message: `big ${i}`, details: 'z'.repeat(1_500_000) }),
      });
    const { platform, store } = await mountPanel(
      [0, 1, 2, 3, 4, 5].map(big),
      (p) => (p.stored = { maxBodyChars: 2_000_000 }),
    );
    await settle(() => fireEvent.click(screen.getByTestId('open-settings')));
    await settle(() => fireEvent.change(screen.getByTestId('max-body-memory'), { target: { value: '4' } }));
    expect(platform.limits).toMatchObject({ maxRetainedBodyChars: 4 * 1024 * 1024 });
    expect(store.failures.value).toHaveLength(6);
    expect(store.failures.value.map((r) => r.exchange.responseBody?.length ?? 0).slice(0, 4)).toEqual([
      2_048, 2_048, 2_048, 2_048,
    ]);
    expect(screen.getByTestId('trimmed-count').textContent).toContain('4 older bodies trimmed');
  });

  it('keeps the request bodies of successes only when Settings asks', async () => {
    const success = harEntry({ method: 'POST', url: 'https://api.example.test/v1/ok', status: 201 });
    success.request!.postData = { mimeType: 'application/json', text: '{"name":"x"}' };
    const { platform, store } = await mountPanel([success]);
    expect(store.records()[0]?.entry.request?.postData?.text).toBeUndefined();
    await settle(() => fireEvent.click(screen.getByTestId('open-settings')));
    await settle(() => fireEvent.click(screen.getByTestId('keep-success-bodies')));
    expect(platform.writes.at(-1)).toMatchObject({ keepSuccessBodies: true });
    await settle(() => platform.entries([success]));
    expect(store.records()[1]?.entry.request?.postData?.text).toBe('{"name":"x"}');
  });
});

describe('navigation', () => {
  it('clears the list when the page navigates', async () => {
    const { platform } = await mountPanel([NOT_FOUND]);
    await settle(() => platform.navigate());
    expect(failures()).toHaveLength(0);
    await settle(() => platform.entries([PERSONA_429]));
    expect(failures().map((el) => el.dataset['status'])).toEqual(['429']);
  });

  it('keeps the list across navigations with Preserve log on, and persists the choice', async () => {
    const { platform } = await mountPanel([NOT_FOUND]);
    await settle(() => fireEvent.click(screen.getByTestId('preserve-log')));
    expect(platform.writes.at(-1)).toMatchObject({ preserveLog: true });
    await settle(() => platform.navigate());
    await settle(() =>
      platform.entries([harEntry({ url: 'https://api.example.test/v1/later', status: 503 })]),
    );
    expect(failures().map((el) => el.dataset['status'])).toEqual(['404', '503']);
  });

  it('replays a navigation inside the buffered start in order', async () => {
    const { platform } = await mountPanel([]);
    await settle(() =>
      platform.send({
        initial: false,
        dropped: NOTHING_DROPPED,
        events: [
          { type: 'entry', entry: NOT_FOUND },
          { type: 'navigated', url: 'https://shop.example/next' },
          { type: 'entry', entry: PERSONA_429 },
          { type: 'entry', entry: OK },
        ],
      }),
    );
    expect(failures().map((el) => el.dataset['status'])).toEqual(['429']);
  });

  it('Clear empties the list and the counts', async () => {
    const { store } = await mountPanel([NOT_FOUND, OK]);
    await settle(() => fireEvent.click(screen.getByTestId('clear')));
    expect(store.records()).toHaveLength(0);
    expect(screen.getByTestId('empty')).toBeTruthy();
  });
});
