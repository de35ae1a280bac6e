/**
 * Recovering what DevTools recorded before the devtools page listened (issue 11), merged with the
 * live stream: pure logic, no browser API, so every case is a unit test.
 *
 * Why it is needed: DevTools records the network from the moment it opens, but an extension's
 * devtools page registers `onRequestFinished` 0.5–1.5 s later (TESTING.md, "More verified on
 * Chromium"; several seconds on a loaded machine): requests that finished in between are only in
 * the Network panel's log, which `devtools.network.getHAR()` returns. The devtools page subscribes
 * to the live events first, then asks for that log, so the two overlap: a request reported live
 * before the log arrived is also in the log (unless a navigation cleared it), and a request still
 * in flight when the log was taken is in the log and reported live later.
 *
 * The merge:
 * - holds live events until the log arrives (or the caller gives up on it with an empty log);
 * - matches each held live request with its entry in the log, so it is listed once, where the live
 *   stream put it;
 * - emits the log's other entries first, page by page in start order, with a navigation between
 *   two pages, so Preserve log treats recovered entries as it treats live ones;
 * - stops the log at the page that was current when the live stream started: later pages are
 *   reported by the live stream, navigation included;
 * - skips log entries that have no response yet (they are reported live when they finish), and
 *   drops a later live report of an entry it already emitted from the log.
 */

export type MergedEvent<T> = { type: 'entry'; value: T } | { type: 'navigated'; url: string };

export type LiveEvent<T> = { type: 'entry'; key: string; value: T } | { type: 'navigated'; url: string };

export interface RecoveredEntry<T> {
  key: string;
  /** HAR `pageref`: which of the log's pages the request belongs to, when DevTools knew it. */
  pageref?: string;
  /** Epoch ms the request started (HAR `startedDateTime`); NaN when unknown. */
  startedMs: number;
  /** No response yet: the live stream reports it when it finishes. */
  unfinished: boolean;
  value: T;
}

export interface RecoveredLog<T> {
  /** HAR `pages`; `url` is the page's `title`, which both browsers set to its URL. */
  pages: readonly { id: string; url: string; startedMs: number }[];
  entries: readonly RecoveredEntry<T>[];
}

interface HarLike {
  startedDateTime?: unknown;
  request?: { method?: unknown; url?: unknown };
  response?: { status?: unknown; _error?: unknown; _failureText?: unknown };
}

const harLike = (value: unknown): HarLike =>
  typeof value === 'object' && value !== null ? (value as HarLike) : {};

/**
 * What identifies a request in both the log and the live stream: start time (millisecond ISO
 * time), method and URL. Both browsers build the two HAR entries of one request from the same
 * record, so they agree. Chromium keeps its request id out of reach (devtools-frontend
 * ExtensionAPI.ts hides it in a closure behind getContent), and Firefox's HAR has none. Property
 * reads, not own keys: webextension-polyfill hands listeners a proxy whose fields sit on its
 * prototype chain.
 */
export function requestKey(request: unknown): string {
  const r = harLike(request);
  return `${String(r.startedDateTime)} ${String(r.request?.method)} ${String(r.request?.url)}`;
}

/**
 * A log entry with no response yet: status 0 and no error text. Chromium gives every request that
 * failed an error (`response._error`, net::ERR_…) and a request in flight `_error: null` (checked
 * in Chromium 150: see test/fixtures/capture). Firefox's HAR has no error text for failures
 * either; its live stream reports them (checked in the e2e), so skipping them loses nothing there.
 */
export function isUnfinished(request: unknown): boolean {
  const response = harLike(request).response;
  if (Number(response?.status) !== 0) return false;
  return ![response?._error, response?._failureText].some((t) => typeof t === 'string' && t !== '');
}

/** Epoch ms of an ISO date, NaN when it is not one. */
export function startedMsOf(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/** A multiset of keys: each position can be taken (matched) once. */
class KeyIndex {
  readonly #positions = new Map<string, number[]>();
  readonly #taken = new Set<number>();
  #next = 0;

  add(key: string, position = this.#next++): void {
    const list = this.#positions.get(key);
    if (list === undefined) this.#positions.set(key, [position]);
    else list.push(position);
  }

  /** The first position not taken yet under `key`, marked taken; undefined when none. */
  take(key: string): number | undefined {
    const at = this.#positions.get(key)?.find((position) => !this.#taken.has(position));
    if (at !== undefined) this.#taken.add(at);
    return at;
  }
}

const byStart = (a: number, b: number): number => (Number.isNaN(a) || Number.isNaN(b) ? 0 : a - b);

/**
 * The log's pages in start order, and each entry's page as an index into them. An entry without a
 * known pageref (Chromium gives none to requests of a page loaded before DevTools opened, checked
 * in Chromium 150) belongs to the last page started before it, or to the page before them all (-1).
 */
function pagesOf<T>(log: RecoveredLog<T>): { urls: string[]; pageOf: number[] } {
  const pages = [...log.pages].sort((a, b) => byStart(a.startedMs, b.startedMs));
  const index = new Map(pages.map((page, i) => [page.id, i]));
  const pageOf = log.entries.map((entry) => {
    const known = entry.pageref === undefined ? undefined : index.get(entry.pageref);
    if (known !== undefined) return known;
    let page = -1;
    pages.forEach((p, i) => {
      if (!Number.isNaN(entry.startedMs) && p.startedMs <= entry.startedMs) page = i;
    });
    return page;
  });
  return { urls: pages.map((page) => page.url), pageOf };
}

export class CaptureMerge<T> {
  readonly #emit: (event: MergedEvent<T>) => void;
  /** Live events held until the log is merged; undefined once it is. */
  #held: LiveEvent<T>[] | undefined = [];
  /** Entries emitted from the log: a later live report of one of them is a duplicate. */
  readonly #recovered = new KeyIndex();

  constructor(emit: (event: MergedEvent<T>) => void) {
    this.#emit = emit;
  }

  /** Whether the log has not been merged yet (live events are being held). */
  get recovering(): boolean {
    return this.#held !== undefined;
  }

  live(event: LiveEvent<T>): void {
    if (this.#held !== undefined) this.#held.push(event);
    else this.#pass(event);
  }

  /** Merge DevTools' log (once; a later call is ignored), then release the held live events. */
  recover(log: RecoveredLog<T>): void {
    const held = this.#held;
    if (held === undefined) return;
    this.#held = undefined;
    const { urls, pageOf } = pagesOf(log);
    const inLog = new KeyIndex();
    log.entries.forEach((entry, i) => inLog.add(entry.key, i));
    // Match the held live requests with the log. The page that was current when the live stream
    // started is at least each matched request's page minus the navigations reported before it:
    // the largest such bound is exact as soon as one matched request started after the stream did.
    const reportedLive = new Set<number>();
    let navigations = 0;
    let startPage: number | undefined;
    for (const event of held) {
      if (event.type === 'navigated') {
        navigations++;
        continue;
      }
      const at = inLog.take(event.key);
      if (at === undefined) continue;
      reportedLive.add(at);
      startPage = Math.max(startPage ?? -Infinity, (pageOf[at] ?? -1) - navigations);
    }
    // No overlap: the whole log is older than the live stream.
    startPage ??= urls.length - 1;
    const order = log.entries
      .map((entry, i) => ({ entry, i, page: pageOf[i] ?? -1 }))
      .filter(({ entry, i, page }) => page <= startPage && !reportedLive.has(i) && !entry.unfinished)
      .sort((a, b) => a.page - b.page || byStart(a.entry.startedMs, b.entry.startedMs) || a.i - b.i);
    let current: number | undefined;
    const navigateTo = (page: number): void => {
      while (current !== undefined && current < page) {
        current++;
        this.#emit({ type: 'navigated', url: urls[current] ?? '' });
      }
    };
    for (const { entry, page } of order) {
      current ??= page;
      navigateTo(page);
      this.#recovered.add(entry.key);
      this.#emit({ type: 'entry', value: entry.value });
    }
    navigateTo(startPage);
    // Held events were matched with the log above: none of them is a recovered entry's duplicate
    // (one with the same key is another request, as two identical calls in one millisecond are).
    for (const event of held)
      this.#emit(event.type === 'entry' ? { type: 'entry', value: event.value } : event);
  }

  #pass(event: LiveEvent<T>): void {
    if (event.type === 'navigated') this.#emit(event);
    else if (this.#recovered.take(event.key) === undefined) this.#emit({ type: 'entry', value: event.value });
  }
}
