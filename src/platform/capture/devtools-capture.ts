import {
  callbackOrPromise,
  captureEntry,
  contentReader,
  type CapturedEntry,
  type JudgingOptions,
} from './capture-entry.ts';
import type { CaptureChannel } from '../capture-channel.ts';
import { CaptureHub, type HubOptions } from './capture-hub.ts';
import {
  CaptureMerge,
  isUnfinished,
  requestKey,
  startedMsOf,
  type RecoveredEntry,
  type RecoveredLog,
} from './capture-merge.ts';

/**
 * The part of `devtools.network` capture uses, as both browsers expose it (through
 * webextension-polyfill in Chromium builds without a native `browser` namespace).
 */
export interface DevtoolsNetwork {
  onRequestFinished: { addListener(listener: (request: unknown) => void): void };
  onNavigated: { addListener(listener: (url: string) => void): void };
  /** Calls back with the log (Chromium), or returns a promise of it (Firefox, native `browser`). */
  getHAR(callback?: (log: unknown) => void): unknown;
}

export interface CaptureOptions extends HubOptions {
  /** The longest live events are held while DevTools' log is asked for (see `recover`). */
  recoveryTimeoutMs?: number;
  /** Bodies of recovered entries read at once (each is a round trip to DevTools). */
  recoveryReads?: number;
  /** The host mappings and profiles in force when a request is judged (built-ins only if absent). */
  judging?: () => JudgingOptions;
}

type Pending = () => Promise<CapturedEntry>;

/** Runs `task`s with at most `limit` of them in flight, in the order they were asked for. */
function limiter(limit: number): <R>(task: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    running--;
    waiting.shift()?.();
  };
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/**
 * getHAR's answer as the merge reads it. Chromium and Firefox both resolve to the HAR `log` itself
 * (Firefox's toolbox says so: "compatible with Chrome WebExtension API"); a whole HAR is accepted
 * too. Chromium's entries carry getContent on their prototype; Firefox's carry the body inline.
 */
function recoveredLog(value: unknown, read: (entry: unknown) => Pending): RecoveredLog<Pending> {
  const outer = asRecord(value);
  const log = 'log' in outer ? asRecord(outer['log']) : outer;
  const pages = (Array.isArray(log['pages']) ? log['pages'] : []).map((page) => {
    const p = asRecord(page);
    return {
      id: String(p['id']),
      url: typeof p['title'] === 'string' ? p['title'] : '',
      startedMs: startedMsOf(p['startedDateTime']),
    };
  });
  const entries = (Array.isArray(log['entries']) ? log['entries'] : [])
    .filter((entry): entry is object => typeof entry === 'object' && entry !== null)
    .map((entry): RecoveredEntry<Pending> => {
      const { pageref, startedDateTime } = asRecord(entry);
      return {
        key: requestKey(entry),
        ...(typeof pageref === 'string' ? { pageref } : {}),
        startedMs: startedMsOf(startedDateTime),
        unfinished: isUnfinished(entry),
        value: read(entry),
      };
    });
  return { pages, entries };
}

/**
 * Asks DevTools for its log, once, then merges it.
 *
 * Chromium answers with the Network panel's whole log. Firefox's Network monitor API is created
 * by this page's first call and fills its request list from what the toolbox had recorded only
 * after that call returned, so on Firefox ESR 140 the answer is an empty log, and what the
 * toolbox recorded before this page listened is not recovered. Asking again is not an option
 * there: while Firefox builds the HAR it stops its Network monitor from taking new requests
 * (devtools/client/netmonitor/src/har/har-exporter.js, buildHarData:
 * `connector.enableActions(false)`), and under load the build lasts until the page goes quiet.
 * Measured on ESR 140 with a page firing every 20 ms: a second getHAR over 130 requests answered
 * after 36 s, and Firefox's own Network panel missed the 1,500 requests made meanwhile, as did
 * onRequestFinished, which reads that list; with a second ask after 1.5 s without a finished
 * request, the panel stopped for good. One ask at start, when that list is empty, costs nothing.
 * webextension-polyfill has no metadata for getHAR and passes Chromium's callback-only method
 * through unwrapped (checked in Chromium 150): it must be offered a callback.
 */
async function recover(
  network: DevtoolsNetwork,
  merge: CaptureMerge<Pending>,
  read: (entry: unknown) => Pending,
  timeoutMs: number,
): Promise<void> {
  const answer = await callbackOrPromise(
    (...callback) => network.getHAR(...callback),
    (args) => args[0],
    (log) => log,
    undefined,
    timeoutMs,
  );
  merge.recover(recoveredLog(answer, read));
}

/**
 * Runs in the devtools page from the moment DevTools opens, so requests that finish before the
 * panel is first shown are not missed (the panel's own code only runs once it is shown), and
 * recovers what DevTools recorded before this page listened (issue 11): it subscribes to the live
 * events first, then asks for DevTools' log, and CaptureMerge lists each request once, in order.
 */
export function startCapture(
  network: DevtoolsNetwork,
  channel: CaptureChannel,
  { recoveryTimeoutMs = 5_000, recoveryReads = 6, judging = () => ({}), ...hubOptions }: CaptureOptions = {},
): CaptureHub {
  const hub = new CaptureHub(channel, hubOptions);
  // Bodies arrive asynchronously and out of order; chaining emission keeps events in the order
  // the merge decided (a navigation never overtakes the requests before it).
  let tail: Promise<unknown> = Promise.resolve();
  const merge = new CaptureMerge<Pending>((event) => {
    if (event.type === 'navigated') {
      tail = tail.then(() => hub.emit(event));
      return;
    }
    const pending = event.value();
    tail = tail
      .then(() => pending)
      .then(
        ({ entry, failed }) => hub.emit({ type: 'entry', entry, failed }),
        (error: unknown) => console.error('[api-errors] a request could not be captured', error),
      );
  });

  network.onRequestFinished.addListener((request) => {
    // The body is read at once (the request's content may not be kept long); its place in the
    // stream is fixed now.
    const pending = captureEntry(
      request,
      contentReader(request),
      hub.buffer.limits().maxBodyChars,
      judging(),
    );
    merge.live({ type: 'entry', key: requestKey(request), value: () => pending });
  });
  network.onNavigated.addListener((url) => merge.live({ type: 'navigated', url }));

  const reads = limiter(recoveryReads);
  const read =
    (entry: unknown): Pending =>
    () =>
      reads(() => captureEntry(entry, contentReader(entry), hub.buffer.limits().maxBodyChars, judging()));
  // Asked after both listeners are registered, so the log and the live stream overlap instead of
  // leaving a gap. A browser without getHAR, or one that never answers, recovers nothing.
  void recover(network, merge, read, recoveryTimeoutMs);
  return hub;
}
