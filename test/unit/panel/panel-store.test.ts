import { describe, expect, it } from 'vitest';
import { PanelStore } from '../../../src/panel/store/panel-store.ts';
import { FakePlatform } from './fake-platform.ts';
import { NOT_FOUND, OK, harEntry } from './har-entries.ts';

async function started(stored?: unknown) {
  const platform = new FakePlatform();
  platform.stored = stored;
  const store = new PanelStore(platform);
  await store.start();
  await platform.entries([], true);
  return { platform, store };
}

const ok = (n: number) => harEntry({ url: `https://api.example.test/ok/${n}`, status: 200 });
const fail = (n: number) => harEntry({ url: `https://api.example.test/fail/${n}`, status: 500, body: '{}' });

describe('PanelStore', () => {
  it('keeps what capture delivers before its engine has loaded, and lists it once started', async () => {
    const platform = new FakePlatform();
    const store = new PanelStore(platform);
    // The engine's chunk loads after the first paint: a batch handed over before start() waits.
    const delivered = store.receive({
      initial: true,
      dropped: { failures: 0, successes: 0, trimmedBodies: 0 },
      events: [
        { type: 'entry', entry: fail(1) },
        { type: 'entry', entry: OK },
        { type: 'entry', entry: NOT_FOUND },
      ],
    });
    expect(store.records()).toEqual([]);
    await store.start();
    await delivered;
    expect(store.failures.value.map((r) => r.exchange.url)).toEqual([
      fail(1).request?.url,
      NOT_FOUND.request?.url,
    ]);
    expect(store.counts.value).toEqual({ failures: 2, successes: 1 });
  });

  it('leaves the failure list untouched when only successes arrive', async () => {
    const { platform, store } = await started();
    await platform.entries([NOT_FOUND]);
    const rows = store.visibleRows.value;
    await platform.entries([OK, ok(1), ok(2)]);
    expect(store.records()).toHaveLength(4);
    expect(store.visibleRows.value).toBe(rows);
  });

  it('keeps failures and successes apart: successes never push a failure out', async () => {
    const { platform, store } = await started({ maxFailures: 100, maxSuccesses: 100 });
    await platform.entries(Array.from({ length: 360 }, (_, n) => (n % 3 === 0 ? fail(n) : ok(n))));
    expect(store.failures.value).toHaveLength(100);
    expect(store.failures.value.map((r) => r.exchange.index)).toEqual(
      Array.from({ length: 100 }, (_, i) => 60 + i * 3),
    );
    expect(store.records().filter((r) => r.diagnosis === undefined)).toHaveLength(100);
    expect(store.dropped.value).toMatchObject({ failures: 20, successes: 140 });
  });

  it('drops the selection when its exchange is evicted', async () => {
    const { platform, store } = await started({ maxFailures: 100 });
    await platform.entries([fail(0)]);
    store.select(store.rows.value[0]?.id);
    expect(store.detailOpen.value).toBe(true);
    await platform.entries(Array.from({ length: 100 }, (_, n) => fail(n + 1)));
    expect(store.selectedId.value).toBeUndefined();
    expect(store.detailOpen.value).toBe(false);
  });

  it('lets a selection be painted before capture feeds on: the backlog waits for the frame', async () => {
    const paints: (() => void)[] = [];
    const platform = new FakePlatform();
    const store = new PanelStore(platform, { afterPaint: (task) => paints.push(task) });
    await store.start();
    await platform.entries([], true);
    await platform.entries([fail(0)]);
    // A backlog of many slices (32 entries each), then a click while it drains.
    const backlog = platform.entries(Array.from({ length: 320 }, (_, n) => ok(n + 1)));
    store.select(store.rows.value[0]?.id);
    const atClick = store.records().length;
    expect(atClick).toBeLessThan(321);
    expect(paints).toHaveLength(1);
    // Many tasks later, while the frame has not been painted, capture has fed nothing more.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.records()).toHaveLength(atClick);
    // Once the frame is painted, the next tasks feed the next slices.
    paints.shift()?.();
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.records().length).toBeGreaterThan(atClick);
    await backlog;
    expect(store.records()).toHaveLength(321);
    expect(store.selectedId.value).toBe(store.rows.value[0]?.id);
  });

  it('keeps no body for successes, so memory goes to failures', async () => {
    const { platform, store } = await started();
    const success = harEntry({ url: 'https://api.example.test/big', status: 200, body: '{"data":[1,2,3]}' });
    success.request!.postData = { mimeType: 'application/json', text: '{"card":"4242424242424242"}' };
    await platform.entries([success]);
    const [record] = store.records();
    expect(record?.exchange.responseBody).toBeUndefined();
    expect(record?.exchange.requestBody).toBeUndefined();
    expect(record?.entry.request?.postData?.text).toBeUndefined();
    expect(record?.entry.response?.content?.text).toBeUndefined();
  });
});
