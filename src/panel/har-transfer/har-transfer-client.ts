import type { HarItem, HarSkeleton } from '../../core/har-stream/index.ts';
import type { FromWorker, ToWorker } from './har-jobs.ts';

/**
 * The main thread's side of the HAR worker: start an import or an export, hear its progress,
 * cancel it. The worker is reached through a port (the platform starts a real Worker; component
 * tests run the same jobs in-process), so the store never touches `Worker` itself.
 */
export interface HarWorkerPort {
  post(message: ToWorker): void;
  /** Listen to the worker; returns the unsubscribe function. */
  listen(listener: (message: FromWorker) => void): () => void;
}

export interface TransferProgress {
  /** 1 of 1 for an import, 1 or 2 of 2 for an export (every value seen, then written). */
  pass: 1 | 2;
  passes: 1 | 2;
  /** What `done` and `total` count: bytes of a file, or entries of the session. */
  unit: 'bytes' | 'entries';
  /** Bytes of the file read in this pass (entries sent, for a session export), of `total`. */
  done: number;
  total: number;
  /** Items of `log.entries` read so far. */
  items: number;
}

export type TransferOutcome =
  | { status: 'done'; items: number; blob?: Blob }
  | { status: 'error'; items: number; message: string }
  | { status: 'cancelled'; items: number };

export interface Transfer {
  readonly outcome: Promise<TransferOutcome>;
  cancel(): void;
}

/** A session export's batches: at most this many entries, or about this many characters of body. */
const EXPORT_BATCH_ENTRIES = 500;
const EXPORT_BATCH_CHARS = 2 * 1024 * 1024;

/** What posting an entry costs, roughly: its bodies plus a couple of KB of headers and timings. */
function entryChars(entry: unknown): number {
  const e = entry as {
    request?: { postData?: { text?: unknown } };
    response?: { content?: { text?: unknown } };
  };
  const text = e?.response?.content?.text;
  const post = e?.request?.postData?.text;
  return 2048 + (typeof text === 'string' ? text.length : 0) + (typeof post === 'string' ? post.length : 0);
}

function batches(entries: readonly unknown[]): unknown[][] {
  const out: unknown[][] = [];
  let batch: unknown[] = [];
  let chars = 0;
  for (const entry of entries) {
    batch.push(entry);
    chars += entryChars(entry);
    if (batch.length >= EXPORT_BATCH_ENTRIES || chars >= EXPORT_BATCH_CHARS) {
      out.push(batch);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

export class HarTransferClient {
  readonly #port: HarWorkerPort;
  #next = 1;

  constructor(port: HarWorkerPort) {
    this.#port = port;
  }

  /**
   * Read a HAR file in the worker. `onItems` gets each batch of items in file order; the next
   * batch comes only after it resolves (so the reading never outruns the engine).
   */
  importFile(
    file: Blob,
    onItems: (items: HarItem[]) => Promise<void>,
    onProgress: (progress: TransferProgress) => void,
  ): Transfer {
    return this.#run(
      (job) => this.#port.post({ job, type: 'import', file }),
      async (message, job) => {
        if (message.type === 'items') {
          await onItems(message.items);
          this.#port.post({ job, type: 'ack' });
        } else if (message.type === 'progress')
          onProgress({
            pass: 1,
            passes: 1,
            unit: 'bytes',
            done: message.bytes,
            total: message.total,
            items: message.items,
          });
      },
    );
  }

  /** Sanitize a whole HAR file in the worker (read twice), every entry kept. */
  exportFile(file: Blob, onProgress: (progress: TransferProgress) => void): Transfer {
    return this.#run(
      (job) => this.#port.post({ job, type: 'export-file', file }),
      (message) => {
        if (message.type === 'progress')
          onProgress({
            pass: message.pass,
            passes: 2,
            unit: 'bytes',
            done: message.bytes,
            total: message.total,
            items: message.items,
          });
      },
    );
  }

  /**
   * Sanitize entries held by the main thread: sent in batches twice (every value observed, then
   * every entry written), each batch when the worker took the previous one, so no single message
   * (a structured clone on this thread) grows with the session.
   */
  exportEntries(
    skeleton: HarSkeleton,
    entries: readonly unknown[],
    onProgress: (progress: TransferProgress) => void,
  ): Transfer {
    const parts = batches(entries);
    const steps: ((job: number) => void)[] = [
      (job) => this.#port.post({ job, type: 'export-begin', skeleton }),
    ];
    for (const pass of [1, 2] as const) {
      let done = 0;
      for (const part of parts)
        steps.push((job) => {
          this.#port.post({ job, type: pass === 1 ? 'export-observe' : 'export-write', entries: part });
          done += part.length;
          onProgress({ pass, passes: 2, unit: 'entries', done, total: entries.length, items: done });
        });
    }
    steps.push((job) => this.#port.post({ job, type: 'export-end' }));
    let step = 0;
    const next = (job: number): void => steps[step++]?.(job);
    return this.#run(next, (message, job) => {
      if (message.type === 'ready') next(job);
    });
  }

  #run(
    start: (job: number) => void,
    onMessage: (message: FromWorker, job: number) => void | Promise<void>,
  ): Transfer {
    const job = this.#next++;
    let unsubscribe = (): void => undefined;
    let settle: (outcome: TransferOutcome) => void = () => undefined;
    const outcome = new Promise<TransferOutcome>((resolve) => (settle = resolve));
    const finish = (result: TransferOutcome): void => {
      unsubscribe();
      settle(result);
    };
    let queue = Promise.resolve();
    unsubscribe = this.#port.listen((message) => {
      // Job 0: the worker itself failed, which ends every job.
      if (message.job !== job && message.job !== 0) return;
      // One message after the other, even when handling one waits (an import batch being fed).
      queue = queue.then(async () => {
        if (message.type === 'done')
          finish(
            message.blob === undefined
              ? { status: 'done', items: message.items }
              : { status: 'done', items: message.items, blob: message.blob },
          );
        else if (message.type === 'error')
          finish({ status: 'error', items: message.items, message: message.message });
        else if (message.type === 'cancelled') finish({ status: 'cancelled', items: message.items });
        else
          try {
            await onMessage(message, job);
          } catch (error) {
            this.#port.post({ job, type: 'cancel' });
            finish({
              status: 'error',
              items: 0,
              message: error instanceof Error ? error.message : String(error),
            });
          }
      });
    });
    start(job);
    return { outcome, cancel: () => this.#port.post({ job, type: 'cancel' }) };
  }
}
