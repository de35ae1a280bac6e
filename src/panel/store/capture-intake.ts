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
  /** Most entries one task feeds to the engine before yielding to the event loop. */
  sliceEntries?: number;
  /**
   * Most body characters (response and request) one task feeds: the engine parses a failure's
   * body to classify it, so a slice of 2 KB bodies and one of 50 KB bodies differ by 25 times.
   */
  sliceChars?: number;
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

/** Entries per engine call (one EngineUpdate for several entries). */
const CHUNK = 16;

/**
 * Slice bounds, as counts rather than a clock: a slice does the same work on a fast machine and a
 * loaded one, and tests count it. The engine's cost per entry is dominated by parsing a failure's
 * body (bench:capture profile: parseJsonBody), so a slice is bounded by both. A click waits for
 * the task under way before its detail renders, so slices are kept short: 32 entries or 128 Ki
 * characters of body, about five of bench:capture's 2–50 KB failures.
 */
export const SLICE_ENTRIES = 32;
export const SLICE_CHARS = 128 * 1024;

/**
 * Characters of body (response and request) an entry brings, what a slice is bounded by. Typed
 * checks, not `?.length`: an imported file's entry is whatever JSON the file held.
 */
export function entryBodyChars(entry: HarEntry | undefined): number {
  const text = entry?.response?.content?.text;
  const post = entry?.request?.postData?.text;
  return (typeof text === 'string' ? text.length : 0) + (typeof post === 'string' ? post.length : 0);
}

const bodyChars = (event: CaptureEvent): number => (event.type === 'entry' ? entryBodyChars(event.entry) : 0);

/**
 * The panel's intake of captured events (issue 11: "no main-thread task of the panel exceeds
 * 100 ms while 200 requests per second arrive"). Events are fed to the engine in slices bounded by
 * entry count and body characters, one slice per task of the event loop, so a backlog of
 * thousands (the devtools page's buffer when the panel is first shown) never blocks input or
 * rendering. The views are updated at most every `publishMs`, because each update re-reads,
 * filters and re-renders the whole list: at 200 requests a second an update per batch cost more
 * main-thread time than the capture itself (bench:capture profile). While a backlog drains, an
 * update gets a task of its own between two slices (a slice plus an update of 10,000 rows in one
 * task added up to the longest tasks measured). A batch that fits in one slice after a quiet spell
 * is fed and published in the call that delivers it.
 */
export class CaptureIntake {
  readonly #sink: IntakeSink;
  readonly #sliceEntries: number;
  readonly #sliceChars: number;
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
  /** Pauses under way (see `pause`); nothing is fed or published while there is one. */
  #pauses = 0;
  /** Tasks that came due during a pause, run again (each in a task of its own) once it ends. */
  #parked: (() => void)[] = [];
  #idle: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(sink: IntakeSink, options: IntakeOptions = {}) {
    this.#sink = sink;
    this.#sliceEntries = Math.max(1, options.sliceEntries ?? SLICE_ENTRIES);
    this.#sliceChars = Math.max(1, options.sliceChars ?? SLICE_CHARS);
    this.#publishMs = options.publishMs ?? 200;
    this.#now = options.now ?? (() => performance.now());
    this.#later = options.later ?? ((task, delayMs) => setTimeout(task, delayMs));
    this.#held = options.held ?? false;
  }

  /** Start feeding (see `held`): what was queued meanwhile goes first, in the order it came. */
  release(): void {
    if (!this.#held) return;
    this.#held = false;
    if (this.#pauses === 0 && this.backlog > 0 && !this.#draining) this.#drain();
  }

  #resume(): void {
    if (this.#pauses > 0 || this.#held) return;
    const parked = this.#parked;
    this.#parked = [];
    for (const task of parked) this.#schedule(task, 0);
    // A batch that came during the pause, with no drain under way to take it.
    if (this.backlog > 0 && !this.#draining) {
      this.#draining = true;
      this.#schedule(() => this.#drain(false), 0);
    }
  }

  /**
   * Feed and publish nothing until the returned `resume` is called (once; later calls do nothing):
   * the user's input goes first. A selection renders its detail in the task of the click, but the
   * frame that shows it waits behind every task queued before it, and while a backlog drains those
   * are intake slices and view updates (bench:capture: 150 ms median to show a ticket during
   * capture against 15 ms idle). What arrives meanwhile is queued in order, and what was due is
   * run once the pause ends.
   */
  pause(): () => void {
    this.#pauses++;
    let resumed = false;
    return () => {
      if (resumed) return;
      resumed = true;
      this.#pauses--;
      this.#resume();
    };
  }

  /** Events not fed yet. */
  get backlog(): number {
    return this.#queue.length - this.#head;
  }

  /** Queue `events` after those already waiting; resolves once everything queued is published. */
  push(events: readonly CaptureEvent[]): Promise<void> {
    for (const event of events) this.#queue.push(event);
    if (!this.#draining && !this.#held && this.#pauses === 0) this.#drain();
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
    this.#parked = [];
    this.#finish();
  }

  /** Runs `task` later unless cancelled meanwhile; during a pause it waits for the pause to end. */
  #schedule(task: () => void, delayMs: number): void {
    const generation = this.#generation;
    this.#later(() => {
      if (generation !== this.#generation) return;
      if (this.#pauses > 0) this.#parked.push(task);
      else task();
    }, delayMs);
  }

  /**
   * One slice, in the task that runs it. `first`: the drain started in the call that delivered the
   * batch (nothing was waiting), so a batch that fits in this slice is published here too.
   */
  #drain(first = true): void {
    this.#draining = false;
    this.#feedSlice();
    if (this.backlog > 0) {
      this.#draining = true;
      const due = this.#now() - this.#lastPublish >= this.#publishMs;
      this.#schedule(() => {
        if (!due) return this.#drain(false);
        // The update due gets a task of its own; the next slice follows in another.
        this.#publish();
        this.#draining = true;
        this.#schedule(() => this.#drain(false), 0);
      }, 0);
      return;
    }
    this.#queue = [];
    this.#head = 0;
    const wait = this.#lastPublish + this.#publishMs - this.#now();
    if (wait <= 0 && first) {
      this.#publish();
      this.#finish();
    } else if (!this.#publishing) {
      this.#publishing = true;
      this.#schedule(
        () => {
          this.#publishing = false;
          if (this.#draining) return; // the drain under way publishes when it is done
          this.#publish();
          this.#finish();
        },
        Math.max(0, wait),
      );
    }
  }

  /** Feeds up to the slice bounds (at least one entry), CHUNK entries per engine call. */
  #feedSlice(): void {
    let entries = 0;
    let chars = 0;
    while (this.backlog > 0 && entries < this.#sliceEntries && chars < this.#sliceChars) {
      const fed = this.#feedChunk(this.#sliceEntries - entries, this.#sliceChars - chars);
      entries += fed.entries;
      chars += fed.chars;
    }
  }

  /**
   * Up to CHUNK entries (and at most `maxEntries`, stopping once `maxChars` of body is reached) in
   * one engine call; a navigation is delivered between the entries around it.
   */
  #feedChunk(maxEntries: number, maxChars: number): { entries: number; chars: number } {
    const run: HarEntry[] = [];
    let chars = 0;
    while (run.length < Math.min(CHUNK, maxEntries) && chars < maxChars && this.backlog > 0) {
      const event = this.#queue[this.#head] as CaptureEvent;
      if (event.type === 'navigated') {
        if (run.length > 0) break;
        this.#head++;
        this.#sink.navigated();
        // A navigation costs the engine a clear: counted as one entry, so a slice always ends.
        return { entries: 1, chars: 0 };
      }
      run.push(event.entry);
      chars += bodyChars(event);
      this.#head++;
    }
    this.#sink.entries(run);
    return { entries: run.length, chars };
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
