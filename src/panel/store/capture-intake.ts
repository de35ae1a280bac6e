import type { HarEntry } from '../../core/har.ts';
import type { CaptureEvent } from '../../platform/capture-channel.ts';

/** Where the intake delivers: the store, which feeds its engine and updates its signals. */
export interface IntakeSink {
  /** Feed entries, in order, to the engine; signals wait for `publish`. */
  entries(entries: readonly HarEntry[]): void;
  /** The inspected page navigated (between the entries before and after it). */
  navigated(): void;
  /** Turn what was fed since the last call into signals (one render of the views). */
  publish(): void;
}

export interface IntakeOptions {
  /** Work per task before yielding to the event loop (input, rendering). */
  sliceMs?: number;
  /** While a long backlog drains, how often the views are updated. */
  publishMs?: number;
  now?: () => number;
  /** Runs `task` in a later task of the event loop. */
  later?: (task: () => void) => void;
}

/** Entries fed between two clock reads: reading the clock per entry would cost more than some entries. */
const CHUNK = 16;

/**
 * The panel's intake of captured events (issue 11: "no main-thread task of the panel exceeds
 * 100 ms"). Events are fed to the engine in slices of about `sliceMs`, yielding to the event loop
 * in between, so a backlog of thousands (the devtools page's buffer when the panel is first shown)
 * never blocks input or rendering; the views are updated once per batch, and at most every
 * `publishMs` while a backlog drains, because each update re-sorts and re-filters the whole list.
 * A small batch is fed and published at once, in the call that delivers it.
 */
export class CaptureIntake {
  readonly #sink: IntakeSink;
  readonly #sliceMs: number;
  readonly #publishMs: number;
  readonly #now: () => number;
  readonly #later: (task: () => void) => void;
  #queue: CaptureEvent[] = [];
  #head = 0;
  #scheduled = false;
  /** Bumped by cancel, so a continuation scheduled before it does nothing. */
  #generation = 0;
  #lastPublish = -Infinity;
  #idle: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(sink: IntakeSink, options: IntakeOptions = {}) {
    this.#sink = sink;
    this.#sliceMs = options.sliceMs ?? 30;
    this.#publishMs = options.publishMs ?? 250;
    this.#now = options.now ?? (() => performance.now());
    this.#later = options.later ?? ((task) => setTimeout(task, 0));
  }

  /** Events not fed yet. */
  get backlog(): number {
    return this.#queue.length - this.#head;
  }

  /** Queue `events` after those already waiting; resolves once everything queued is published. */
  push(events: readonly CaptureEvent[]): Promise<void> {
    for (const event of events) this.#queue.push(event);
    const idle = this.settled();
    if (!this.#scheduled) this.#drain();
    return idle;
  }

  /** Resolves when nothing is waiting (at once when the queue is empty). */
  settled(): Promise<void> {
    if (this.backlog === 0 && !this.#scheduled) return Promise.resolve();
    if (this.#idle === undefined) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.#idle = { promise, resolve };
    }
    return this.#idle.promise;
  }

  /** Forget what is waiting (Clear, an import): it belongs to the session being left. */
  cancel(): void {
    this.#generation++;
    this.#queue = [];
    this.#head = 0;
    this.#finish();
  }

  #drain(): void {
    this.#scheduled = false;
    const start = this.#now();
    while (this.backlog > 0 && this.#now() - start < this.#sliceMs) this.#feedChunk();
    if (this.backlog === 0) {
      this.#publish();
      this.#queue = [];
      this.#head = 0;
      this.#finish();
      return;
    }
    if (this.#now() - this.#lastPublish >= this.#publishMs) this.#publish();
    this.#scheduled = true;
    const generation = this.#generation;
    this.#later(() => {
      if (this.#scheduled && generation === this.#generation) this.#drain();
    });
  }

  /** Up to CHUNK entries in one engine call; a navigation is delivered between the entries around it. */
  #feedChunk(): void {
    const run: HarEntry[] = [];
    while (run.length < CHUNK && this.backlog > 0) {
      const event = this.#queue[this.#head] as CaptureEvent;
      if (event.type === 'navigated') {
        if (run.length > 0) break;
        this.#head++;
        this.#sink.navigated();
        return;
      }
      run.push(event.entry);
      this.#head++;
    }
    this.#sink.entries(run);
  }

  #publish(): void {
    this.#lastPublish = this.#now();
    this.#sink.publish();
  }

  #finish(): void {
    this.#scheduled = false;
    const idle = this.#idle;
    this.#idle = undefined;
    idle?.resolve();
  }
}
