import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../../../src/core/har.ts';
import { PanelStore } from '../../../src/panel/store/panel-store.ts';
import {
  CaptureMerge,
  isUnfinished,
  requestKey,
  startedMsOf,
  type LiveEvent,
  type MergedEvent,
  type RecoveredLog,
} from '../../../src/platform/capture/index.ts';
import { NOTHING_DROPPED, type CaptureEvent } from '../../../src/platform/capture-channel.ts';
import { FakePlatform } from '../panel/fake-platform.ts';

/**
 * What Chromium 150's devtools.network.getHAR returned with DevTools' Preserve log on: three calls
 * on a page loaded before DevTools opened (no pageref), a navigation to /next (page_1), two calls,
 * a request still in flight (/hang) and a refused one. Recorded once, ports replaced.
 */
const chromiumLog = JSON.parse(
  readFileSync(new URL('../../fixtures/capture/chromium-150-gethar.json', import.meta.url), 'utf8'),
) as { pages: { id: string; title: string; startedDateTime: string }[]; entries: HarEntry[] };

const pathOf = (entry: HarEntry): string => new URL(entry.request?.url ?? '').pathname;

/** The log as the devtools page hands it to the merge; values are the entries themselves. */
function recovered(log = chromiumLog): RecoveredLog<HarEntry> {
  return {
    pages: log.pages.map((p) => ({ id: p.id, url: p.title, startedMs: startedMsOf(p.startedDateTime) })),
    entries: log.entries.map((entry) => ({
      key: requestKey(entry),
      ...(typeof entry['pageref'] === 'string' ? { pageref: entry['pageref'] } : {}),
      startedMs: startedMsOf(entry.startedDateTime),
      unfinished: isUnfinished(entry),
      value: entry,
    })),
  };
}

const live = (entry: HarEntry): LiveEvent<HarEntry> => ({
  type: 'entry',
  key: requestKey(entry),
  value: entry,
});
const byPath = (path: string): HarEntry => {
  const entry = chromiumLog.entries.find((e) => pathOf(e) === path);
  if (entry === undefined) throw new Error(`no ${path} in the fixture`);
  return entry;
};

function merged(): { merge: CaptureMerge<HarEntry>; out: MergedEvent<HarEntry>[]; shown: () => string[] } {
  const out: MergedEvent<HarEntry>[] = [];
  const merge = new CaptureMerge<HarEntry>((event) => out.push(event));
  const shown = () =>
    out.map((e) => (e.type === 'entry' ? pathOf(e.value) : `nav ${new URL(e.url).pathname}`));
  return { merge, out, shown };
}

/**
 * The fixture's log merged alone. Chromium lists the /next document first (NetworkLog keeps it
 * across the navigation); the calls of the page loaded before DevTools have no pageref and started
 * before page_1; /hang is still in flight.
 */
const WHOLE_LOG = ['/tick/1', '/ok/2', '/tick/3', 'nav /next', '/next', '/tick/4', '/ok/5', '/refused'];

describe('CaptureMerge on what Chromium recorded', () => {
  it('recovers the log in start order, page by page, with the navigation inside it, and skips what is in flight', () => {
    const { merge, shown } = merged();
    merge.recover(recovered());
    expect(shown()).toEqual(WHOLE_LOG);
  });

  it('lists a request reported live and present in the log once, where the live stream put it', () => {
    const { merge, shown } = merged();
    merge.live(live(byPath('/tick/4')));
    merge.live(live(byPath('/ok/5')));
    merge.recover(recovered());
    // /refused is in the log but was not reported live: it finished before the stream started.
    expect(shown()).toEqual([
      '/tick/1',
      '/ok/2',
      '/tick/3',
      'nav /next',
      '/next',
      '/refused',
      '/tick/4',
      '/ok/5',
    ]);
    // A late live report of a recovered entry is a duplicate.
    merge.live(live(byPath('/refused')));
    merge.live(live(byPath('/tick/1')));
    expect(shown()).toHaveLength(8);
  });

  it('reports a request that was in flight when it finishes, once', () => {
    const { merge, shown } = merged();
    merge.recover(recovered());
    const hang = byPath('/hang');
    const finished = { ...hang, response: { ...hang.response, status: 504 } };
    merge.live(live(finished));
    expect(shown().at(-1)).toBe('/hang');
    expect(shown().filter((p) => p === '/hang')).toHaveLength(1);
  });

  it('takes the navigation from the live stream when it happened after the stream started', () => {
    const { merge, shown } = merged();
    // The live stream saw /tick/3 finish, then the navigation, then /tick/4 …
    merge.live(live(byPath('/tick/3')));
    merge.live({ type: 'navigated', url: 'http://127.0.0.1:8080/next' });
    merge.live(live(byPath('/next')));
    merge.live(live(byPath('/tick/4')));
    merge.recover(recovered());
    // … so the log gives only what finished before that, and page_1's rest is reported live.
    expect(shown()).toEqual(['/tick/1', '/ok/2', '/tick/3', 'nav /next', '/next', '/tick/4']);
  });

  it('recovers nothing of a page the live stream saw start (DevTools cleared its log on that navigation)', () => {
    const { merge, shown } = merged();
    const onlyNext = {
      pages: chromiumLog.pages,
      entries: chromiumLog.entries.filter((e) => e['pageref'] === 'page_1'),
    };
    merge.live({ type: 'navigated', url: 'http://127.0.0.1:8080/next' });
    merge.live(live(byPath('/next')));
    merge.recover(recovered(onlyNext));
    expect(shown()).toEqual(['nav /next', '/next']);
  });

  it('puts the whole log before the live stream when they do not overlap', () => {
    const { merge, shown } = merged();
    const later = { ...byPath('/tick/4'), startedDateTime: '2026-11-29T17:09:30.000Z' };
    merge.live(live(later));
    merge.recover(recovered());
    expect(shown()).toEqual([...WHOLE_LOG, '/tick/4']);
  });

  it('tells apart two requests with the same key (a multiset, not a set)', () => {
    const { merge, shown } = merged();
    const twice = { pages: [], entries: [byPath('/tick/1'), byPath('/tick/1')] };
    merge.live(live(byPath('/tick/1')));
    merge.recover(recovered(twice));
    expect(shown()).toEqual(['/tick/1', '/tick/1']);
    merge.live(live(byPath('/tick/1')));
    merge.live(live(byPath('/tick/1')));
    expect(shown()).toEqual(['/tick/1', '/tick/1', '/tick/1']);
  });

  it('with no log (getHAR missing or too slow) releases the live stream as it came', () => {
    const { merge, shown } = merged();
    merge.live(live(byPath('/tick/1')));
    merge.live({ type: 'navigated', url: 'http://127.0.0.1:8080/next' });
    expect(merge.recovering).toBe(true);
    merge.recover({ pages: [], entries: [] });
    merge.recover(recovered());
    expect(merge.recovering).toBe(false);
    expect(shown()).toEqual(['/tick/1', 'nav /next']);
  });
});

describe('recovered entries under Preserve log', () => {
  /** The merged log fed to a real panel store, as the devtools page's first batch. */
  async function listed(preserveLog: boolean): Promise<string[]> {
    const { merge, out } = merged();
    merge.recover(recovered());
    const platform = new FakePlatform();
    platform.stored = { preserveLog };
    const store = new PanelStore(platform);
    await store.start();
    const events: CaptureEvent[] = out.map((e) =>
      e.type === 'entry' ? { type: 'entry', entry: e.value } : e,
    );
    await platform.send({ initial: true, dropped: NOTHING_DROPPED, events });
    return store.failures.value.map((r) => new URL(r.exchange.url).pathname);
  }

  it('clears what came before the navigation when Preserve log is off, as for live entries', async () => {
    expect(await listed(false)).toEqual(['/tick/4', '/refused']);
  });

  it('keeps every recovered failure across the navigation when Preserve log is on', async () => {
    expect(await listed(true)).toEqual(['/tick/1', '/tick/3', '/tick/4', '/refused']);
  });
});
