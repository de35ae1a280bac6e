import {
  HarReader,
  HarReadError,
  HarWriter,
  archiveSanitizer,
  sanitizeHarStream,
  type ArchiveSanitizer,
  type HarItem,
  type HarSkeleton,
} from '../../core/har-stream/index.ts';

/**
 * What the panel's HAR worker does, without the worker: reading an imported file into batches of
 * items, and writing a sanitized HAR as Blob parts (from a file read twice, or from the session's
 * entries sent in batches). The worker entry (har-worker.ts) wires it to `postMessage`; component
 * tests run it in-process behind the same port. Reading, parsing and sanitizing all happen here,
 * off the panel's main thread, which only feeds the engine (DESIGN.md "One pipeline").
 */

/** Main thread to worker. `job` tells concurrent jobs apart. */
export type ToWorker =
  | { job: number; type: 'import'; file: Blob }
  | { job: number; type: 'export-file'; file: Blob }
  | { job: number; type: 'export-begin'; skeleton: HarSkeleton }
  | { job: number; type: 'export-observe'; entries: unknown[] }
  | { job: number; type: 'export-write'; entries: unknown[] }
  | { job: number; type: 'export-end' }
  /** The main thread has taken a batch of items: the import may send more. */
  | { job: number; type: 'ack' }
  | { job: number; type: 'cancel' };

/** Worker to main thread. */
export type FromWorker =
  | { job: number; type: 'items'; items: HarItem[] }
  | { job: number; type: 'progress'; pass: 1 | 2; bytes: number; total: number; items: number }
  /** An export batch was taken: send the next. */
  | { job: number; type: 'ready' }
  | { job: number; type: 'done'; items: number; blob?: Blob }
  | { job: number; type: 'error'; message: string; items: number }
  | { job: number; type: 'cancelled'; items: number };

/** A batch of items goes out once this much of the file was read since the last one, or … */
const BATCH_BYTES = 512 * 1024;
/** … once it holds this many items; the main thread slices its work anyway (har-transfer.ts). */
const BATCH_ITEMS = 500;
/** Batches in flight before the import waits for the main thread: reading never outruns it. */
const WINDOW = 2;
/** Sanitized text is sealed into a Blob every this many characters (parts stay small). */
const SEAL_CHARS = 8 * 1024 * 1024;
const HAR_TYPE = 'application/json';

class Cancelled extends Error {}

/** Longest stretch a job works without letting the worker hear a message (a Cancel). */
const LISTEN_EVERY_MS = 20;

/**
 * Resolve on a later task (not a microtask), so a `cancel` message queued meanwhile is delivered:
 * reading a Blob stream can resolve through microtasks alone. A MessageChannel round trip, as
 * setTimeout(0) is clamped to 4 ms once nested (HTML "timer initialisation steps").
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}

/**
 * The bytes of a Blob through `Blob.stream()`, gunzipped (DecompressionStream, Chromium 80 and
 * Firefox 113) when the first two bytes are the gzip magic number (RFC 1952 §2.3.1). `read.bytes`
 * counts the Blob's bytes consumed, for progress.
 */
async function* blobChunks(blob: Blob, read: { bytes: number }): AsyncGenerator<Uint8Array> {
  read.bytes = 0;
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  const counted = blob.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read.bytes += chunk.length;
        controller.enqueue(chunk);
      },
    }),
  );
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const stream = gzip
    ? counted.pipeThrough(
        new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
      )
    : counted;
  const reader = stream.getReader();
  let finished = false;
  let listened = Date.now();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
      if (Date.now() - listened >= LISTEN_EVERY_MS) {
        await nextTask();
        listened = Date.now();
      }
    }
  } catch (error) {
    // DecompressionStream rejects with a bare TypeError on damaged or truncated data.
    throw gzip ? new HarReadError(`the gzip data is damaged or cut short (${describe(error)})`) : error;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Sanitized text as Blob parts, sealed every SEAL_CHARS so no string grows with the file. */
class BlobBuilder {
  #blob = new Blob([], { type: HAR_TYPE });
  #parts: string[] = [];
  #chars = 0;

  add(text: string): void {
    this.#parts.push(text);
    this.#chars += text.length;
    if (this.#chars >= SEAL_CHARS) this.#seal();
  }

  finish(): Blob {
    this.#seal();
    return this.#blob;
  }

  #seal(): void {
    if (this.#parts.length === 0) return;
    this.#blob = new Blob([this.#blob, ...this.#parts], { type: HAR_TYPE });
    this.#parts = [];
    this.#chars = 0;
  }
}

interface JobState {
  cancelled: boolean;
  /** Batches sent and not yet acknowledged. */
  inFlight: number;
  wake: (() => void) | undefined;
  /** The session export's state between its messages. */
  session?: SessionExport;
}

interface SessionExport {
  skeleton: HarSkeleton;
  sanitizer: ArchiveSanitizer;
  observed: number;
  written: number;
  writer?: HarWriter;
  output: BlobBuilder;
}

/** Runs the jobs the main thread asks for; `post` sends a message back (structured clone). */
export class HarJobs {
  readonly #post: (message: FromWorker) => void;
  readonly #jobs = new Map<number, JobState>();

  constructor(post: (message: FromWorker) => void) {
    this.#post = post;
  }

  receive(message: ToWorker): void {
    const state = this.#state(message.job);
    switch (message.type) {
      case 'ack':
        state.inFlight = Math.max(0, state.inFlight - 1);
        state.wake?.();
        return;
      case 'cancel':
        state.cancelled = true;
        state.wake?.();
        return;
      case 'import':
        void this.#import(message.job, state, message.file);
        return;
      case 'export-file':
        void this.#exportFile(message.job, state, message.file);
        return;
      default:
        this.#session(message, state);
    }
  }

  #state(job: number): JobState {
    let state = this.#jobs.get(job);
    if (state === undefined) {
      state = { cancelled: false, inFlight: 0, wake: undefined };
      this.#jobs.set(job, state);
    }
    return state;
  }

  #finish(job: number, message: FromWorker): void {
    this.#jobs.delete(job);
    this.#post(message);
  }

  #fail(job: number, state: JobState, error: unknown, items: number): void {
    if (state.cancelled || error instanceof Cancelled) this.#finish(job, { job, type: 'cancelled', items });
    else this.#finish(job, { job, type: 'error', message: describe(error), items });
  }

  /** Wait until fewer than WINDOW batches are in flight (or the job is cancelled). */
  async #room(state: JobState): Promise<void> {
    while (state.inFlight >= WINDOW && !state.cancelled)
      await new Promise<void>((resolve) => (state.wake = resolve));
    state.wake = undefined;
    if (state.cancelled) throw new Cancelled();
  }

  async #import(job: number, state: JobState, file: Blob): Promise<void> {
    const reader = new HarReader();
    const read = { bytes: 0 };
    let batch: HarItem[] = [];
    let since = 0;
    const send = async (): Promise<void> => {
      if (batch.length === 0) return;
      await this.#room(state);
      this.#post({ job, type: 'items', items: batch });
      state.inFlight++;
      batch = [];
      since = reader.bytesRead;
    };
    try {
      for await (const chunk of blobChunks(file, read)) {
        if (state.cancelled) throw new Cancelled();
        for (const item of reader.push(chunk)) {
          batch.push(item);
          if (batch.length >= BATCH_ITEMS) await send();
        }
        this.#post({
          job,
          type: 'progress',
          pass: 1,
          bytes: read.bytes,
          total: file.size,
          items: reader.itemCount,
        });
        if (reader.bytesRead - since >= BATCH_BYTES) await send();
      }
      for (const item of reader.end().items) {
        batch.push(item);
        if (batch.length >= BATCH_ITEMS) await send();
      }
      await send();
      this.#finish(job, { job, type: 'done', items: reader.itemCount });
    } catch (error) {
      // What was read before the file went wrong (cut short, say) is kept: send it, then say why.
      if (!state.cancelled && !(error instanceof Cancelled)) await send().catch(() => undefined);
      this.#fail(job, state, error, reader.itemCount);
    }
  }

  async #exportFile(job: number, state: JobState, file: Blob): Promise<void> {
    const output = new BlobBuilder();
    const read = { bytes: 0 };
    let items = 0;
    try {
      const result = await sanitizeHarStream(
        () => blobChunks(file, read),
        (text) => {
          if (state.cancelled) throw new Cancelled();
          output.add(text);
        },
        {
          onProgress: (pass, _bytes, count) => {
            if (state.cancelled) throw new Cancelled();
            items = count;
            this.#post({ job, type: 'progress', pass, bytes: read.bytes, total: file.size, items: count });
          },
        },
      );
      this.#finish(job, { job, type: 'done', items: result.entries, blob: output.finish() });
    } catch (error) {
      this.#fail(job, state, error, items);
    }
  }

  /** The session's kept entries, sent in batches twice: every one observed, then every one written. */
  #session(message: Extract<ToWorker, { type: `export-${string}` }>, state: JobState): void {
    const { job } = message;
    try {
      if (state.cancelled) throw new Cancelled();
      if (message.type === 'export-begin') {
        state.session = {
          skeleton: message.skeleton,
          sanitizer: archiveSanitizer(),
          observed: 0,
          written: 0,
          output: new BlobBuilder(),
        };
        this.#post({ job, type: 'ready' });
        return;
      }
      const session = state.session;
      if (session === undefined) throw new Error('the export has not begun');
      if (message.type === 'export-observe') {
        for (const entry of message.entries) session.sanitizer.observeEntry(entry, session.observed++);
        this.#post({ job, type: 'ready' });
      } else if (message.type === 'export-write') {
        session.writer ??= new HarWriter(session.sanitizer.sanitizeSkeleton(session.skeleton), (text) =>
          session.output.add(text),
        );
        for (const entry of message.entries)
          session.writer.entry(session.sanitizer.sanitizeEntry(entry, session.written++));
        this.#post({ job, type: 'ready' });
      } else {
        session.writer ??= new HarWriter(session.sanitizer.sanitizeSkeleton(session.skeleton), (text) =>
          session.output.add(text),
        );
        session.writer.end();
        this.#finish(job, { job, type: 'done', items: session.written, blob: session.output.finish() });
      }
    } catch (error) {
      this.#fail(job, state, error, state.session?.written ?? 0);
    }
  }
}
