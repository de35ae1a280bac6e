import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { HarEntry } from '../../../src/core/har.ts';
import { startCapture, type DevtoolsNetwork } from '../../../src/platform/capture/index.ts';
import { connectCapture, type CaptureBatch } from '../../../src/platform/capture-channel.ts';
import { LIMITS, channel, received as receivedAs } from './real-channels.ts';

const received = (batches: CaptureBatch[]) =>
  receivedAs(batches).map((e) => (e.startsWith('nav:') ? 'nav' : e));

// The devtools page's capture against a fake `devtools.network` (the seam) and real
// BroadcastChannels, with the Chromium 150 getHAR log recorded in test/fixtures/capture.
const fixture = readFileSync(
  new URL('../../fixtures/capture/chromium-150-gethar.json', import.meta.url),
  'utf8',
);
const bodyOf = (url: string): string =>
  `{"error":{"code":"unavailable","message":"${new URL(url).pathname}"}}`;

/** Chromium's shape: getHAR calls back; entries carry a callback-style getContent on their prototype. */
function chromiumNetwork() {
  const finished: ((request: unknown) => void)[] = [];
  const navigated: ((url: string) => void)[] = [];
  const reads: string[] = [];
  const withContent = (entry: HarEntry): object => {
    const url = entry.request?.url ?? '';
    const proto = {
      getContent(callback: (content: string, encoding: string) => void) {
        reads.push(new URL(url).pathname);
        setTimeout(() => callback(bodyOf(url), ''), 1);
      },
    };
    return Object.assign(Object.create(proto) as object, entry);
  };
  let answer: (() => void) | undefined;
  const network: DevtoolsNetwork = {
    onRequestFinished: { addListener: (l) => finished.push(l) },
    onNavigated: { addListener: (l) => navigated.push(l) },
    getHAR(callback) {
      const log = JSON.parse(fixture) as { entries: HarEntry[] };
      answer = () => callback?.({ ...log, entries: log.entries.map(withContent) });
      return undefined;
    },
  };
  return {
    network,
    reads,
    answer: () => answer?.(),
    finish: (entry: HarEntry) => finished.forEach((l) => l(withContent(entry))),
    navigate: (url: string) => navigated.forEach((l) => l(url)),
  };
}

const entryAt = (path: string): HarEntry => {
  const entry = (JSON.parse(fixture) as { entries: HarEntry[] }).entries.find(
    (e) => new URL(e.request?.url ?? '').pathname === path,
  );
  if (entry === undefined) throw new Error(path);
  return entry;
};

describe('startCapture', () => {
  it('recovers what DevTools recorded before it listened, reads failure bodies, and lists each request once', async () => {
    const chromium = chromiumNetwork();
    startCapture(chromium.network, channel(11), { coalesceMs: 0 });
    // Reported live while the log was being built: it is in the log too.
    chromium.finish(entryAt('/tick/4'));
    chromium.answer();
    const batches: CaptureBatch[] = [];
    connectCapture(channel(11), LIMITS, (b) => batches.push(b), { retryMs: 5 });
    await vi.waitFor(() => expect(received(batches)).toContain('/tick/4'));
    // Reported live after the log came, though it was in the log (a late report): a duplicate.
    // A new request after it shows when the stream has moved past it.
    chromium.finish(entryAt('/ok/5'));
    chromium.finish({ ...entryAt('/tick/4'), startedDateTime: '2026-11-29T17:09:40.000Z' });
    await vi.waitFor(() => expect(received(batches).filter((p) => p === '/tick/4')).toHaveLength(2));
    expect(received(batches)).toEqual([
      '/tick/1',
      '/ok/2',
      '/tick/3',
      'nav',
      '/next',
      '/ok/5',
      '/refused',
      '/tick/4',
      '/tick/4',
    ]);
    const events = batches.flatMap((b) => b.events);
    const tick1 = events.find((e) => e.type === 'entry' && e.entry.request?.url?.endsWith('/tick/1'));
    expect(tick1?.type === 'entry' && tick1.entry.response?.content?.text).toBe(bodyOf('http://x/tick/1'));
    expect(tick1?.type === 'entry' && tick1.failed).toBe(true);
    // Bodies are read where a failure can be: never for a 200 HTML page or a 200 without JSON.
    expect(chromium.reads).not.toContain('/next');
    // /tick/4's body was read for its two live reports, not a third time for its copy in the log.
    expect(chromium.reads.filter((p) => p === '/tick/4')).toHaveLength(2);
  });

  it('lets the live stream through without recovery when getHAR never answers', async () => {
    const chromium = chromiumNetwork();
    startCapture(chromium.network, channel(12), { coalesceMs: 0, recoveryTimeoutMs: 20 });
    chromium.finish(entryAt('/tick/4'));
    chromium.navigate('http://127.0.0.1:8080/next');
    const batches: CaptureBatch[] = [];
    connectCapture(channel(12), LIMITS, (b) => batches.push(b), { retryMs: 5 });
    await vi.waitFor(() => expect(received(batches)).toEqual(['/tick/4', 'nav']));
  });

  it('recovers from a promise-style getHAR with bodies inline (Firefox), and survives one that throws', async () => {
    const firefoxEntry = {
      ...entryAt('/tick/1'),
      response: {
        ...entryAt('/tick/1').response,
        content: { mimeType: 'application/json', text: '{"e":1}' },
      },
    };
    const finished: ((request: unknown) => void)[] = [];
    const firefox: DevtoolsNetwork = {
      onRequestFinished: { addListener: (l) => finished.push(l) },
      onNavigated: { addListener: () => undefined },
      getHAR: () => Promise.resolve({ pages: [], entries: [firefoxEntry] }),
    };
    startCapture(firefox, channel(13), { coalesceMs: 0 });
    const broken: DevtoolsNetwork = {
      ...firefox,
      getHAR: () => {
        throw new Error('no getHAR here');
      },
    };
    startCapture(broken, channel(14), { coalesceMs: 0 });
    const batches: CaptureBatch[] = [];
    connectCapture(channel(13), LIMITS, (b) => batches.push(b), { retryMs: 5 });
    await vi.waitFor(() => expect(received(batches)).toEqual(['/tick/1']));
    const [event] = batches.flatMap((b) => b.events);
    expect(event?.type === 'entry' && event.entry.response?.content?.text).toBe('{"e":1}');
    const others: CaptureBatch[] = [];
    connectCapture(channel(14), LIMITS, (b) => others.push(b), { retryMs: 5 });
    await vi.waitFor(() => expect(others).toHaveLength(1));
    expect(received(others)).toEqual([]);
  });

  it("asks for the log once, even an empty one: a second getHAR would stop Firefox's own monitor", async () => {
    const finished: ((request: unknown) => void)[] = [];
    let asks = 0;
    const firefox: DevtoolsNetwork = {
      onRequestFinished: { addListener: (l) => finished.push(l) },
      onNavigated: { addListener: () => undefined },
      getHAR: () => {
        asks++;
        return Promise.resolve({ pages: [], entries: [] });
      },
    };
    startCapture(firefox, channel(15), { coalesceMs: 0 });
    const batches: CaptureBatch[] = [];
    connectCapture(channel(15), LIMITS, (b) => batches.push(b), { retryMs: 5 });
    for (let n = 0; n < 5; n++)
      finished.forEach((l) => l({ ...entryAt('/tick/4'), startedDateTime: `2026-11-29T17:10:0${n}.000Z` }));
    await vi.waitFor(() => expect(received(batches)).toHaveLength(5));
    expect(asks).toBe(1);
  });
});
