import { BODY_HEAD_CHARS, DEFAULT_RETENTION, Fifo, headOf, withCutBody } from '../../core/retention.ts';
import {
  NOTHING_DROPPED,
  type CaptureBatch,
  type CaptureChannel,
  type CaptureEvent,
  type CaptureLimits,
  type CaptureMessage,
  type DroppedBeforePanel,
  type PanelMessage,
} from '../capture-channel.ts';

/**
 * The devtools page's end of the capture channel (see ../capture-channel.ts for the messages and
 * the panel's end): a buffer for the time before the panel is first shown, and the hub that
 * answers the panel's hello with it and then forwards live events.
 */

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = {
  maxFailures: DEFAULT_RETENTION.maxFailures,
  maxSuccesses: DEFAULT_RETENTION.maxSuccesses,
  maxBodyChars: DEFAULT_RETENTION.maxBodyChars,
  maxRetainedBodyChars: DEFAULT_RETENTION.maxRetainedBodyChars,
};

type EntryEvent = Extract<CaptureEvent, { type: 'entry' }>;

/**
 * The most one message to the panel carries (see CaptureHub's #postInParts). The devtools page and
 * the panel share one main thread in Chromium (one extension process), so a message costs that
 * thread its serialisation and its deserialisation, each in one task: 128 Ki characters of body
 * keep both short (bench:capture trace: the devtools page's postMessage of 512 Ki was among the
 * longest tasks), and the panel's intake feeds a message's events in slices of its own.
 */
const MESSAGE_EVENTS = 200;
const MESSAGE_BODY_CHARS = 128 * 1024;

const bodyChars = (event: EntryEvent): number =>
  (event.entry.response?.content?.text?.length ?? 0) + (event.entry.request?.postData?.text?.length ?? 0);

/**
 * The devtools page's side of the hand-over. The panel's code only runs once the panel is first
 * shown (TESTING.md), so until it says hello, events are buffered here, under the same retention as
 * the panel's engine (issue 11): failures and successes are bounded apart, so successes never push
 * a failure out, and when failure bodies pass the body budget the oldest are cut to their head
 * (the panel classifies from what is left; error documents are usually shorter than the head)
 * before any failure would be dropped. What is dropped is counted by kind. Once attached, events go
 * straight through and nothing is kept twice; if the panel unloads, buffering resumes.
 */
export class CaptureBuffer {
  #limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS;
  /** Buffered events in order; an evicted entry leaves a hole, compacted on attach. */
  #events: (CaptureEvent | undefined)[] = [];
  #failures = new Fifo<number>();
  #successes = new Fifo<number>();
  #bodyChars = 0;
  /** How many of the oldest buffered failures had their body cut (a prefix, like evictions). */
  #cut = 0;
  #dropped: DroppedBeforePanel = { failures: 0, successes: 0, trimmedBodies: 0 };
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
    const position = this.#events.length;
    this.#events.push(event);
    if (event.type === 'entry') {
      // An entry that did not say (an older sender) is kept as a failure: never lose one.
      if (event.failed === false) this.#successes.push(position);
      else {
        this.#failures.push(position);
        this.#bodyChars += bodyChars(event);
      }
      this.#evictBeyond();
    }
    return undefined;
  }

  attach(limits: CaptureLimits): CaptureBatch {
    this.#limits = limits;
    this.#attached = true;
    const batch: CaptureBatch = {
      initial: true,
      events: this.#events.filter((event) => event !== undefined),
      dropped: this.#dropped,
    };
    this.#events = [];
    this.#failures = new Fifo<number>();
    this.#successes = new Fifo<number>();
    this.#bodyChars = 0;
    this.#cut = 0;
    this.#dropped = { failures: 0, successes: 0, trimmedBodies: 0 };
    return batch;
  }

  setLimits(limits: CaptureLimits): void {
    this.#limits = limits;
  }

  detach(): void {
    this.#attached = false;
  }

  #evictBeyond(): void {
    const { maxFailures, maxSuccesses, maxRetainedBodyChars } = this.#limits;
    while (this.#successes.size > Math.max(0, maxSuccesses)) {
      this.#remove(this.#successes.evictOldest());
      this.#dropped.successes++;
    }
    while (this.#failures.size > Math.max(0, maxFailures)) {
      const gone = this.#remove(this.#failures.evictOldest());
      if (gone !== undefined) this.#bodyChars -= bodyChars(gone);
      this.#cut = Math.max(0, this.#cut - 1);
      this.#dropped.failures++;
    }
    // The newest failure keeps its whole body, as in the engine.
    while (this.#bodyChars > maxRetainedBodyChars && this.#cut < this.#failures.size - 1)
      this.#cutBody(this.#failures.at(this.#cut++));
  }

  #remove(position: number | undefined): EntryEvent | undefined {
    if (position === undefined) return undefined;
    const event = this.#events[position];
    this.#events[position] = undefined;
    return event?.type === 'entry' ? event : undefined;
  }

  #cutBody(position: number | undefined): void {
    const event = position === undefined ? undefined : this.#events[position];
    const text = event?.type === 'entry' ? event.entry.response?.content?.text : undefined;
    if (position === undefined || event?.type !== 'entry' || text === undefined) return;
    if (text.length <= BODY_HEAD_CHARS) return;
    const original = event.entry.response?.content?.['_truncatedFrom'];
    const size = typeof original === 'number' ? original : text.length;
    this.#events[position] = {
      ...event,
      entry: withCutBody(event.entry, headOf(text, BODY_HEAD_CHARS), size),
    };
    this.#bodyChars -= text.length - BODY_HEAD_CHARS;
    this.#dropped.trimmedBodies++;
  }
}

export interface HubOptions {
  /**
   * Live events posted within this many milliseconds of the previous post are sent together, so
   * 200 requests a second reach the panel as about 10 batches, not 200 (each batch costs the panel
   * one update of its views). The first event after a quiet spell goes at once.
   */
  coalesceMs?: number;
}

/**
 * The devtools page's end of the capture channel: answers the panel's hello with everything
 * buffered so far, then forwards events as they happen, coalesced; buffers again after the
 * panel's bye.
 */
export class CaptureHub {
  readonly buffer = new CaptureBuffer();
  readonly #channel: CaptureChannel;
  readonly #coalesceMs: number;
  #outgoing: CaptureEvent[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastPost = -Infinity;

  constructor(channel: CaptureChannel, { coalesceMs = 100 }: HubOptions = {}) {
    this.#channel = channel;
    this.#coalesceMs = coalesceMs;
    channel.onmessage = (event: MessageEvent) => this.#receive(event.data as PanelMessage);
  }

  emit(event: CaptureEvent): void {
    const live = this.buffer.push(event);
    if (live === undefined) return;
    this.#outgoing.push(live);
    if (this.#timer !== undefined) return;
    const wait = this.#lastPost + this.#coalesceMs - performance.now();
    if (wait <= 0) this.#flush();
    else this.#timer = setTimeout(() => this.#flush(), wait);
  }

  #flush(): void {
    this.#timer = undefined;
    if (this.#outgoing.length === 0) return;
    const events = this.#outgoing;
    this.#outgoing = [];
    this.#lastPost = performance.now();
    this.#postInParts({ initial: false, events, dropped: NOTHING_DROPPED });
  }

  /**
   * Posts `batch` as messages of at most MESSAGE_EVENTS events and about MESSAGE_BODY_CHARS of body
   * text: the panel deserialises each message in one task, and the buffer handed over at hello can
   * hold thousands of failures (a single 26 MB message measured 390 ms of the panel's main thread
   * in bench:capture). Only the first part is `initial` and carries the drop counts.
   */
  #postInParts(batch: CaptureBatch): void {
    let part: CaptureEvent[] = [];
    let chars = 0;
    let first = true;
    const send = (): void => {
      this.#post({
        type: 'batch',
        batch: first
          ? { ...batch, events: part }
          : { initial: false, events: part, dropped: NOTHING_DROPPED },
      });
      first = false;
      part = [];
      chars = 0;
    };
    for (const event of batch.events) {
      part.push(event);
      if (event.type === 'entry') chars += bodyChars(event);
      if (part.length >= MESSAGE_EVENTS || chars >= MESSAGE_BODY_CHARS) send();
    }
    if (part.length > 0 || first) send();
  }

  #receive(message: PanelMessage): void {
    if (message.type === 'hello') {
      // Anything still waiting to go out predates the hello's answer: send it first.
      this.#flush();
      this.#postInParts(this.buffer.attach(message.limits));
    } else if (message.type === 'limits') this.buffer.setLimits(message.limits);
    else if (message.type === 'bye') {
      // Events not posted yet were meant for the panel that left: keep them for the next one.
      clearTimeout(this.#timer);
      this.#timer = undefined;
      const unsent = this.#outgoing;
      this.#outgoing = [];
      this.buffer.detach();
      for (const event of unsent) this.buffer.push(event);
    }
  }

  #post(message: CaptureMessage): void {
    try {
      this.#channel.postMessage(message);
    } catch {
      // A field the structured clone refuses (DataCloneError): send what JSON keeps of the batch
      // rather than lose it.
      this.#channel.postMessage(JSON.parse(JSON.stringify(message)) as CaptureMessage);
    }
  }
}
