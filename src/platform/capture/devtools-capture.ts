import { callbackOrPromise, captureEntry, contentReader, type CapturedEntry } from './capture-entry.ts';
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
  /** How long to wait for getHAR before live events flow without what it would have recovered. */
  recoveryTimeoutMs?: number;
  /** Bodies of recovered entries read at once (each is a round trip to DevTools). */
  recoveryReads?: number;
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
 * Runs in the devtools page from the moment DevTools opens, so requests that finish before the
 * panel is first shown are not missed (the panel's own code only runs once it is shown), and
 * recovers what DevTools recorded before this page listened (issue 11): it subscribes to the live
 * events first, then asks for DevTools' log, and CaptureMerge lists each request once, in order.
 */
export function startCapture(
  network: DevtoolsNetwork,
  channel: CaptureChannel,
  { recoveryTimeoutMs = 5_000, recoveryReads = 6, ...hubOptions }: CaptureOptions = {},
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
    const pending = captureEntry(request, contentReader(request), hub.buffer.limits().maxBodyChars);
    merge.live({ type: 'entry', key: requestKey(request), value: () => pending });
  });
  network.onNavigated.addListener((url) => merge.live({ type: 'navigated', url }));

  const reads = limiter(recoveryReads);
  const read =
    (entry: unknown): Pending =>
    () =>
      reads(() => captureEntry(entry, contentReader(entry), hub.buffer.limits().maxBodyChars));
  // Asked after both listeners are registered, so the log and the live stream overlap instead of
  // leaving a gap. A browser without getHAR, or one that never answers, recovers nothing.
  // webextension-polyfill has no metadata for getHAR and passes Chromium's callback-only method
  // through unwrapped (checked in Chromium 150): it must be offered a callback.
  void callbackOrPromise(
    (callback) => network.getHAR(callback),
    (args) => args[0],
    (log) => log,
    undefined,
    recoveryTimeoutMs,
  ).then((log) => merge.recover(recoveredLog(log, read)));
  return hub;
}
