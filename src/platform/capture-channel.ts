import type { HarEntry } from '../core/har.ts';
import type { RetentionLimits } from '../core/retention.ts';

/**
 * The channel between the devtools page (which captures from the moment DevTools opens) and the
 * panel (whose code runs only once it is first shown): the messages and the panel's end
 * (connectCapture). The devtools page's end is CaptureHub in ./capture/; the panel's bundle does not
 * load it.
 *
 * Why a BroadcastChannel: the devtools page and the panel are two same-origin extension documents
 * with no background page between them, and the extension has none (runtime messaging would need
 * one to relay). A BroadcastChannel connects same-origin documents directly; verified in
 * Chromium 156 and Firefox ESR 153 DevTools, where both documents share the extension's storage
 * partition. Naming it after the inspected tab keeps two DevTools windows apart.
 */

/** How the panel keeps the captured stream: the devtools page's buffer applies the same limits. */
export interface CaptureLimits extends RetentionLimits {
  /** Longest body kept per exchange, in UTF-16 code units. */
  maxBodyChars: number;
}

/**
 * What the devtools page captured, in order. Exchanges travel as HAR entries (already trimmed:
 * bodies only for failures, cut to the body limit) so the panel keeps the original entry for the
 * sanitized HAR export and derives the Exchange from it with the same core function the CLI uses.
 * `failed` is what the devtools page's buffer keeps first; the panel's engine decides again.
 */
export type CaptureEvent =
  { type: 'entry'; entry: HarEntry; failed?: boolean } | { type: 'navigated'; url: string };

/** What the devtools page's buffer let go of before the panel asked for it. */
export interface DroppedBeforePanel {
  failures: number;
  successes: number;
  /** Failures whose body was cut to its head to stay within the body budget. */
  trimmedBodies: number;
}

export const NOTHING_DROPPED: Readonly<DroppedBeforePanel> = { failures: 0, successes: 0, trimmedBodies: 0 };

export interface CaptureBatch {
  /** True for the reply to the panel's hello: everything buffered before the panel was shown. */
  initial: boolean;
  events: CaptureEvent[];
  dropped: DroppedBeforePanel;
}

/**
 * Panel → devtools page. `hello` asks for the buffer and sets the limits, `limits` changes them
 * (Settings), `bye` on unload so the devtools page buffers again.
 */
export type PanelMessage =
  { type: 'hello'; limits: CaptureLimits } | { type: 'limits'; limits: CaptureLimits } | { type: 'bye' };

/** Devtools page → panel. */
export type CaptureMessage = { type: 'batch'; batch: CaptureBatch };

/**
 * One channel per inspected tab: two DevTools windows (two tabs) each run their own devtools page
 * and panel, and must not see each other's traffic.
 */
export function captureChannelName(tabId: number): string {
  return `api-errors:${tabId}`;
}

/** The part of BroadcastChannel both ends use; tests pass real channels (Node has them too). */
export interface CaptureChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

export interface CaptureConnection {
  /** Tell the devtools page the retention limits changed (Settings). */
  setLimits(limits: CaptureLimits): void;
  close(): void;
}

export interface ConnectOptions {
  /** How often to repeat the hello while the devtools page has not answered. */
  retryMs?: number;
  maxRetries?: number;
  /** Called once when every hello went unanswered (no devtools page: not inside DevTools). */
  onUnanswered?: () => void;
}

const isEmpty = (batch: CaptureBatch): boolean =>
  batch.events.length === 0 &&
  batch.dropped.failures === 0 &&
  batch.dropped.successes === 0 &&
  batch.dropped.trimmedBodies === 0;

/**
 * The panel's end of the capture channel. Says hello (repeated a few times, in case the devtools
 * page is still starting) and delivers the initial buffer, then live batches, in order. Live
 * batches before the initial one were meant for a previous panel document and are skipped.
 */
export function connectCapture(
  channel: CaptureChannel,
  limits: CaptureLimits,
  onBatch: (batch: CaptureBatch) => unknown,
  { retryMs = 1000, maxRetries = 10, onUnanswered }: ConnectOptions = {},
): CaptureConnection {
  const send = (message: PanelMessage): void => channel.postMessage(message);
  let current = limits;
  let initialSeen = false;
  let retries = 0;
  const timer = setInterval(() => {
    if (initialSeen) return clearInterval(timer);
    if (++retries <= maxRetries) return send({ type: 'hello', limits: current });
    clearInterval(timer);
    onUnanswered?.();
  }, retryMs);
  channel.onmessage = (event: MessageEvent) => {
    // Another panel document of the same tab (one being reloaded) says hello and bye here too.
    const message = event.data as CaptureMessage | PanelMessage;
    if (message.type !== 'batch') return;
    const batch = message.batch;
    if (batch.initial) {
      // A repeated hello can be answered twice; the second answer holds nothing new.
      if (initialSeen && isEmpty(batch)) return;
      initialSeen = true;
      clearInterval(timer);
    } else if (!initialSeen) return;
    onBatch(batch);
  };
  send({ type: 'hello', limits });
  return {
    setLimits(next) {
      current = next;
      send({ type: 'limits', limits: next });
    },
    close() {
      clearInterval(timer);
      send({ type: 'bye' });
      channel.close();
    },
  };
}
