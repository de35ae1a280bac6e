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
  /** The views are updated at most this often while capture flows. */
  publishMs?: number;
  now?: () => number;
  /** Runs `task` in a later task of the event loop, `delayMs` from now. */
  later?: (task: () => void, delayMs: number) => void;
  /**
   * Queue without feeding until `release()`: the panel paints before its engine's code has loaded
   * (a chunk of its own, to keep the first load small), and what capture delivers meanwhile waits
   * here, in order, rather than being lost.
   */
  held?: boolean;
}

/** Entries fed between two clock reads: reading the clock per entry would cost more than some entries. */
const CHUNK = 16;

/**
 * The panel's intake of captured events (issue 11: "no main-thread task of the panel exceeds
 * 100 ms while 200 requests per second arrive"). Events are fed to the engine in slices of about
 * `sliceMs`, yielding to the event loop in between, so a backlog of thousands (the devtools page's
 * buffer when the panel is first shown) never blocks input or rendering. The views are updated at
 * most every `publishMs`, because each update re-sorts, re-filters and re-renders the whole list:
 * at 200 requests a second an update per batch cost more main-thread time than the capture itself
 * (bench:capture profile). A batch after a quiet spell is fed and published in the call that
 * delivers it.
 */
export class CaptureIntake {
  readonly #sink: IntakeSink;
  readonly #sliceMs: number;
  readonly #publishMs: number;
  readonly #now: () => number;
  readonly #later: (task: () => void, delayMs: number) => void;
  #queue: CaptureEvent[] = [];
  #head = 0;
  /** A drain continuation is scheduled. */
  #draining = false;
  /** A publish is scheduled (the previous one was too recent). */
  #publishing = false;
  /** Bumped by cancel, so what was scheduled before it does nothing. */
  #generation = 0;
  #lastPublish = -Infinity;
  #held: boolean;
  #idle: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(sink: IntakeSink, options: IntakeOptions = {}) {
    this.#sink = sink;
    this.#sliceMs = options.sliceMs ?? 30;
    this.#publishMs = options.publishMs ?? 200;
    this.#now = options.now ?? (() => performance.now());
    this.#later = options.later ?? ((task, delayMs) => setTimeout(task, delayMs));
    this.#held = options.held ?? false;
  }

  /** Start feeding (see `held`): what was queued meanwhile goes first, in the order it came. */
  release(): void {
    if (!this.#held) return;
    this.#held = false;
    if (this.backlog > 0 && !this.#draining) this.#drain();
  }

  /** Events not fed yet. */
  get backlog(): number {
    return this.#queue.length - this.#head;
  }

  /** Queue `events` after those already waiting; resolves once everything queued is published. */
  push(events: readonly CaptureEvent[]): Promise<void> {
    for (const event of events) this.#queue.push(event);
    if (!this.#draining && !this.#held) this.#drain();
    return this.settled();
  }

  /** Resolves when nothing is waiting to be fed or published (at once when nothing is). */
  settled(): Promise<void> {
    if (this.backlog === 0 && !this.#draining && !this.#publishing) return Promise.resolve();
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
    this.#draining = false;
    this.#publishing = false;
    this.#finish();
  }

  #schedule(task: () => void, delayMs: number): void {
    const generation = this.#generation;
    this.#later(() => {
      if (generation === this.#generation) task();
    }, delayMs);
  }

  #drain(): void {
    this.#draining = false;
    const start = this.#now();
    while (this.backlog > 0 && this.#now() - start < this.#sliceMs) this.#feedChunk();
    if (this.backlog > 0) {
      if (this.#now() - this.#lastPublish >= this.#publishMs) this.#publish();
      this.#draining = true;
      this.#schedule(() => this.#drain(), 0);
      return;
    }
    this.#queue = [];
    this.#head = 0;
    const wait = this.#lastPublish + this.#publishMs - this.#now();
    if (wait <= 0) {
      this.#publish();
      this.#finish();
    } else if (!this.#publishing) {
      this.#publishing = true;
      this.#schedule(() => {
        this.#publishing = false;
        if (this.#draining) return; // the drain under way publishes when it is done
        this.#publish();
        this.#finish();
      }, wait);
    }
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
    if (this.backlog > 0 || this.#draining || this.#publishing) return;
    const idle = this.#idle;
    this.#idle = undefined;
    idle?.resolve();
  }
}
