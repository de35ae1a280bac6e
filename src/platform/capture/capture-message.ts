import type { HarEntry } from '../../core/har.ts';
import type { CaptureLimits } from '../platform.ts';

/**
 * What the devtools page captured, in order. Exchanges travel as HAR entries (already trimmed:
 * bodies only for failures, cut to the body limit) so the panel keeps the original entry for the
 * sanitized HAR export and derives the Exchange from it with the same core function the CLI uses.
 */
export type CaptureEvent = { type: 'entry'; entry: HarEntry } | { type: 'navigated'; url: string };

export interface CaptureBatch {
  /** True for the reply to the panel's hello: everything buffered before the panel was shown. */
  initial: boolean;
  events: CaptureEvent[];
  /** Entries the devtools page evicted from its buffer before the panel asked for it. */
  dropped: number;
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
