import type { CaptureLimits } from '../platform.ts';
import type { CaptureBatch, CaptureChannel, CaptureMessage, PanelMessage } from './capture-message.ts';

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

/**
 * The panel's end of the capture channel. Says hello (repeated a few times, in case the devtools
 * page is still starting) and delivers the initial buffer, then live batches, in order. Live
 * batches before the initial one were meant for a previous panel document and are skipped.
 */
export function connectCapture(
  channel: CaptureChannel,
  limits: CaptureLimits,
  onBatch: (batch: CaptureBatch) => void,
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
    const batch = (event.data as CaptureMessage).batch;
    if (batch.initial) {
      // A repeated hello can be answered twice; the second answer holds nothing new.
      if (initialSeen && batch.events.length === 0 && batch.dropped === 0) return;
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
