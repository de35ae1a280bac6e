import {
  closeSync,
  fstatSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarReadError, type ByteSource, type HarItem } from '../core/har-stream/index.ts';
import { writeErrorLine, type CliIo } from './cli-io.ts';

/**
 * The HAR file a command reads, as chunks of bytes: a path or `-` for standard input, gzip undone
 * on the fly (by its magic bytes, whatever the name), re-readable when a command needs two passes
 * (sanitize: a file is read twice, a pipe is first copied to a temporary file). Everything that
 * can go wrong comes back as one sentence.
 *
 * Files are read with plain positioned reads, not fs streams: a regular file never blocks, and
 * loading Node's stream machinery is a sizeable part of a cold start (issue 12 wants `triage` of an
 * empty HAR within 1.5x of `node -e 0`). Streams and zlib are loaded only for gzip input.
 */
export interface HarInput {
  /** One pass over the HAR's bytes, decompressed; each call starts from the beginning. */
  open(): AsyncIterable<Uint8Array>;
  /** Size in bytes of what is read (compressed size for gzip), when known, for the progress line. */
  readonly size: number | undefined;
  /** Bytes of the file (not decompressed) read by the current pass. */
  readonly bytesRead: number;
  /** Release the file and any temporary copy. */
  close(): void;
}

export type OpenResult = { ok: true; input: HarInput } | { ok: false; error: string };

const CHUNK_BYTES = 1024 * 1024;
const GZIP_MAGIC = [0x1f, 0x8b];

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a part of the path is not a directory)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, expected a HAR file',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the file name is too long',
  ENOSPC: 'no space left on the device for a temporary copy of standard input',
};

/**
 * A Node file-system or zlib error as a short phrase: the code decides, the stack never reaches
 * the user. zlib's codes are in https://nodejs.org/api/zlib.html "zlib constants".
 */
export function describeInputError(error: unknown): string {
  if (error instanceof HarReadError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(message))
    return 'the gzip file is cut short (unexpected end of file): was it fully downloaded?';
  if (typeof code === 'string' && code.startsWith('Z_')) return `the gzip data is damaged (${message})`;
  if (typeof code === 'string') return FILE_ERRORS[code] ?? `cannot read the file (${code}: ${message})`;
  return `internal error: ${message}`;
}

/** Temporary copies of standard input still on disk, removed on exit or a signal (see main.ts). */
const spools = new Set<string>();

export function removeSpools(): void {
  for (const dir of spools) rmSync(dir, { recursive: true, force: true });
  spools.clear();
}

let watchingSignals = false;

/**
 * A temporary copy of standard input must not outlive an interrupted sanitize: on the first copy,
 * the usual termination signals remove it and then end the process as the signal would. Only then,
 * so a plain run does not pay for signal handling at start-up.
 */
function removeSpoolsOnSignals(): void {
  if (watchingSignals) return;
  watchingSignals = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => {
      removeSpools();
      process.kill(process.pid, signal);
    });
}

function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** The bytes of `raw`, gunzipped when its first two bytes are the gzip magic number (RFC 1952 §2.3.1). */
async function* decompressed(raw: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = raw[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  while (headBytes < 2) {
    const next = await iterator.next();
    if (next.done === true) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = head.length === 1 ? (head[0] as Uint8Array) : Buffer.concat(head);
  async function* rest(): AsyncGenerator<Uint8Array> {
    if (first.length > 0) yield first;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  if (!isGzip(first)) {
    yield* rest();
    return;
  }
  const [{ Readable }, { pipeline }, { createGunzip }] = await Promise.all([
    import('node:stream'),
    import('node:stream/promises'),
    import('node:zlib'),
  ]);
  // Multi-member files (`cat a.gz b.gz`) are read through, as gunzip does. Larger output chunks
  // than zlib's 16 KiB default keep most entries inside one chunk.
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  const done = pipeline(Readable.from(rest(), { objectMode: false }), gunzip);
  done.catch(() => undefined); // the same error reaches the iteration below
  yield* gunzip as AsyncIterable<Uint8Array>;
  await done;
}

/** A regular file (or a temporary copy of a pipe), read with positioned reads: every pass starts over. */
class FileInput implements HarInput {
  readonly size: number | undefined;
  #bytesRead = 0;
  readonly #fd: number;
  readonly #ownsFd: boolean;
  readonly #spool: string | undefined;

  constructor(fd: number, stat: Stats, ownsFd: boolean, spool?: string) {
    this.#fd = fd;
    this.#ownsFd = ownsFd;
    this.#spool = spool;
    this.size = stat.size;
  }

  get bytesRead(): number {
    return this.#bytesRead;
  }

  open(): AsyncIterable<Uint8Array> {
    this.#bytesRead = 0;
    return decompressed(this.#chunks());
  }

  async *#chunks(): AsyncGenerator<Uint8Array> {
    for (;;) {
      // A fresh buffer per chunk: the HAR reader keeps views of the chunks it is given.
      const chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES);
      const read = readSync(this.#fd, chunk, 0, CHUNK_BYTES, this.#bytesRead);
      if (read === 0) return;
      this.#bytesRead += read;
      yield chunk.subarray(0, read);
    }
  }

  close(): void {
    if (this.#ownsFd) closeSync(this.#fd);
    if (this.#spool !== undefined) {
      rmSync(this.#spool, { recursive: true, force: true });
      spools.delete(this.#spool);
    }
  }
}

/** A pipe, read once. */
class StreamInput implements HarInput {
  readonly size = undefined;
  #bytesRead = 0;
  readonly #source: ByteSource;

  constructor(source: ByteSource) {
    this.#source = source;
  }

  get bytesRead(): number {
    return this.#bytesRead;
  }

  open(): AsyncIterable<Uint8Array> {
    return decompressed(this.#counted());
  }

  async *#counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of this.#source) {
      this.#bytesRead += chunk.length;
      yield chunk;
    }
  }

  close(): void {}
}

/** Copy a pipe to a private temporary file so it can be read twice (sanitize's two passes). */
async function spool(source: ByteSource): Promise<OpenResult> {
  removeSpoolsOnSignals();
  const dir = mkdtempSync(join(tmpdir(), 'api-error-inspector-'));
  spools.add(dir);
  let fd: number | undefined;
  try {
    fd = openSync(join(dir, 'input.har'), 'w+', 0o600);
    for await (const chunk of source) {
      let written = 0;
      while (written < chunk.length) written += writeSync(fd, chunk, written);
    }
    return { ok: true, input: new FileInput(fd, fstatSync(fd), true, dir) };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
    spools.delete(dir);
    return { ok: false, error: describeInputError(error) };
  }
}

/** A named pipe given by path: read through fs streams (loaded only here). */
async function* fifo(path: string): AsyncGenerator<Uint8Array> {
  const { createReadStream } = await import('node:fs');
  yield* createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Uint8Array>;
}

/**
 * Open `path`, or standard input for `-`. `rereadable`: the command will call `open()` more than
 * once, so a pipe is spooled to a temporary file first.
 */
export async function openHarInput(path: string, io: CliIo, rereadable: boolean): Promise<OpenResult> {
  const stdin = path === '-';
  let fd: number | undefined;
  try {
    fd = stdin ? io.stdinFd : openSync(path, 'r');
    const stat = fd === undefined ? undefined : fstatSync(fd);
    if (stat?.isDirectory() === true) {
      if (!stdin && fd !== undefined) closeSync(fd);
      return { ok: false, error: FILE_ERRORS['EISDIR'] as string };
    }
    if (fd !== undefined && stat?.isFile() === true)
      return { ok: true, input: new FileInput(fd, stat, !stdin) };
    if (!stdin && fd !== undefined) closeSync(fd);
    const source = stdin ? io.stdinStream() : fifo(path);
    return rereadable ? await spool(source) : { ok: true, input: new StreamInput(source) };
  } catch (error) {
    if (fd !== undefined && !stdin) closeSync(fd);
    return { ok: false, error: describeInputError(error) };
  }
}

const SHOWN = 5;

interface Listed {
  shown: string[];
  count: number;
}

const list = (): Listed => ({ shown: [], count: 0 });

function add(listed: Listed, text: string): void {
  if (listed.shown.length < SHOWN) listed.shown.push(text);
  listed.count++;
}

const more = (listed: Listed): string => (listed.count > SHOWN ? ` and ${listed.count - SHOWN} more` : '');

/**
 * What a command noticed about the items of `log.entries` while reading: items that are not entries
 * (skipped, their indexes kept) and values too large to hold (kept as placeholders). Bounded: the
 * first few are named, the rest counted, so a file of a million broken items costs no memory.
 */
export class ItemNotes {
  readonly #notObjects = list();
  readonly #invalid = list();
  readonly #tooLarge = list();
  readonly #removed = list();
  readonly #unprocessed = list();
  #items = 0;
  #entries = 0;

  note(item: HarItem): void {
    this.#items++;
    if (item.problem === undefined) this.#entries++;
    else if (item.problem === 'is not an entry object') add(this.#notObjects, `[${item.index}]`);
    else if (item.problem.startsWith('is not valid JSON')) add(this.#invalid, `[${item.index}]`);
    else add(this.#tooLarge, `[${item.index}] (${item.removed?.[0]?.bytes ?? '?'} bytes)`);
    for (const removed of item.removed ?? [])
      if (removed.reason !== 'item-too-large' || removed.path !== '')
        add(
          this.#removed,
          `[${item.index}]${removed.path === '' ? '' : `.${removed.path}`} (${removed.bytes} bytes, ${removed.reason.replace(/-/g, ' ')})`,
        );
  }

  /** The item was read but processing it threw (a bug, or a limit of the runtime): it is skipped. */
  unprocessed(index: number, error: unknown): void {
    add(this.#unprocessed, `[${index}] (${error instanceof Error ? error.message : String(error)})`);
  }

  get items(): number {
    return this.#items;
  }

  get entries(): number {
    return this.#entries;
  }

  /** Every item is broken: the file is refused (a few broken items are only warned about). */
  refusal(): string | undefined {
    if (this.#items === 0 || this.#entries > 0) return undefined;
    return 'not a HAR file: log.entries[0] is not an object, nor is any other entry';
  }

  /** One stderr line per kind of note. */
  warn(io: CliIo, program: string, file: string): void {
    const line = (text: string): void => writeErrorLine(io, program, `${file}: warning: ${text}`);
    const n = this.#notObjects;
    if (n.count > 0)
      line(
        `log.entries${n.shown.join(', ')}${more(n)} ${n.count === 1 ? 'is not an entry object' : 'are not entry objects'}; skipped, the other entries keep their indexes`,
      );
    if (this.#invalid.count > 0)
      line(
        `log.entries${this.#invalid.shown.join(', ')}${more(this.#invalid)} ${this.#invalid.count === 1 ? 'is' : 'are'} not valid JSON; skipped, the other entries keep their indexes`,
      );
    if (this.#tooLarge.count > 0)
      line(
        `log.entries${this.#tooLarge.shown.join(', ')}${more(this.#tooLarge)}: too large to hold; skipped, the other entries keep their indexes`,
      );
    if (this.#removed.count > 0)
      line(
        `log.entries${this.#removed.shown.join(', ')}${more(this.#removed)}: too large to hold; kept as a placeholder saying so (see the entry's "_apiErrorInspector")`,
      );
    if (this.#unprocessed.count > 0)
      line(
        `log.entries${this.#unprocessed.shown.join(', ')}${more(this.#unprocessed)}: could not be processed; skipped, the other entries keep their indexes`,
      );
  }
}
