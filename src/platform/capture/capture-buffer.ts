import type { CaptureLimits } from '../platform.ts';
import type { CaptureBatch, CaptureEvent } from './capture-message.ts';

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = { maxExchanges: 5000, maxBodyChars: 1_000_000 };

/**
 * The devtools page's side of the hand-over. The panel's code only runs once the panel is first
 * shown (TESTING.md), so until it says hello, events are buffered here — bounded like the panel's
 * own store, oldest entry evicted first and counted. Once attached, events go straight through and
 * nothing is kept twice; if the panel unloads, buffering resumes.
 */
export class CaptureBuffer {
  #limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS;
  #events: CaptureEvent[] = [];
  #entries = 0;
  #dropped = 0;
  #attached = false;

  /** Whether a panel is listening (events pass straight through). */
  get attached(): boolean {
    return this.#attached;
  }

  limits(): CaptureLimits {
    return this.#limits;
  }

  /** Returns the event when a panel is attached (post it now), undefined when it was buffered. */
  push(event: CaptureEvent): CaptureEvent | undefined {
    if (this.#attached) return event;
    this.#events.push(event);
    if (event.type === 'entry') this.#entries++;
    if (this.#entries > this.#limits.maxExchanges) this.#evictOldestEntry();
    return undefined;
  }

  attach(limits: CaptureLimits): CaptureBatch {
    this.#limits = limits;
    this.#attached = true;
    const batch: CaptureBatch = { initial: true, events: this.#events, dropped: this.#dropped };
    this.#events = [];
    this.#entries = 0;
    this.#dropped = 0;
    return batch;
  }

  setLimits(limits: CaptureLimits): void {
    this.#limits = limits;
  }

  detach(): void {
    this.#attached = false;
  }

  #evictOldestEntry(): void {
    const at = this.#events.findIndex((event) => event.type === 'entry');
    if (at < 0) return;
    this.#events.splice(at, 1);
    this.#entries--;
    this.#dropped++;
  }
}
