import { HarSanitizer } from '../redact/index.ts';
import {
  HarReader,
  HarReadError,
  type HarItem,
  type HarReaderOptions,
  type HarSkeleton,
} from './har-reader.ts';
import { HarWriter } from './har-writer.ts';

/** Bytes of a file, chunk by chunk (a Node stream, a `ReadableStream` reader, a test's array). */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface ReadHarOptions extends HarReaderOptions {
  /** Called after each chunk with the bytes read so far (for a progress line or bar). */
  onProgress?: (bytesRead: number, itemsRead: number) => void;
}

/**
 * Read a HAR from a stream of bytes, handing each chunk's completed items to `onItems` in file
 * order (awaited, so a slow consumer slows the reading instead of piling items up). Resolves to the
 * skeleton (everything but the items); rejects with HarReadError when the file is not a HAR.
 */
export async function readHarItems(
  source: ByteSource,
  onItems: (items: HarItem[]) => void | Promise<void>,
  options: ReadHarOptions = {},
): Promise<HarSkeleton> {
  const reader = new HarReader(options);
  for await (const chunk of source) {
    const items = reader.push(chunk);
    if (items.length > 0) await onItems(items);
    options.onProgress?.(reader.bytesRead, reader.itemCount);
  }
  const { items, skeleton } = reader.end();
  if (items.length > 0) await onItems(items);
  return skeleton;
}

/**
 * The seam between streaming and the redaction engine. Sanitizing is "one decision per value across
 * the archive" (issue 9): pass 1 shows the sanitizer every entry, pass 2 asks for each rewritten
 * entry in the same order, so a value judged sensitive anywhere gets the same placeholder
 * everywhere, with memory bounded by one entry plus the sanitizer's table of values.
 */
export interface ArchiveSanitizer {
  /** Pass 1, in file order: every `log.entries` item (entries and broken items alike). */
  observeEntry(item: unknown, index: number): void;
  /** Between the passes: the archive without its entries (version, creator, pages, custom fields). */
  sanitizeSkeleton(skeleton: HarSkeleton): HarSkeleton;
  /** Pass 2, in file order: the item as it is written. */
  sanitizeEntry(item: unknown, index: number): unknown;
}

/**
 * The sanitizer every host uses (the CLI's sanitize, the panel's export, the tests' in-memory
 * reference): the redaction engine's two passes (issue 9), so a value judged sensitive in any
 * entry or in the log's own fields gets one placeholder across the whole archive.
 */
export function archiveSanitizer(): ArchiveSanitizer {
  const sanitizer = new HarSanitizer();
  return {
    observeEntry: (item) => sanitizer.observeEntry(item),
    sanitizeSkeleton: (skeleton) => {
      // The log's own fields are judged last in pass 1, as HarSanitizer requires.
      sanitizer.observeRest(skeleton);
      return sanitizer.sanitizeRest(skeleton);
    },
    sanitizeEntry: (item) => sanitizer.sanitizeEntry(item),
  };
}

/** The same decisions over an archive held in memory (what the streamed output must equal). */
export function sanitizeInMemory(
  har: HarSkeleton,
  sanitizer: ArchiveSanitizer = archiveSanitizer(),
): HarSkeleton {
  const items: unknown[] = har.log.entries;
  items.forEach((item, index) => sanitizer.observeEntry(item, index));
  const skeleton = sanitizer.sanitizeSkeleton({ ...har, log: { ...har.log, entries: [] } });
  const log = { ...skeleton.log, entries: items.map((item, index) => sanitizer.sanitizeEntry(item, index)) };
  return { ...skeleton, log } as HarSkeleton;
}

export interface SanitizeStreamOptions extends HarReaderOptions {
  sanitizer?: ArchiveSanitizer;
  /** Progress of each pass (1: reading every value, 2: writing). */
  onProgress?: (pass: 1 | 2, bytesRead: number, itemsRead: number) => void;
  /** Pass 1's items as they are read (for warnings about broken items and removed values). */
  onObserved?: (items: readonly HarItem[]) => void;
  /** Between the passes: throw to stop before anything is written (a file with no entry at all). */
  beforeWriting?: () => void;
}

/**
 * Sanitize a HAR that is read twice (`open` gives the same bytes each time: a file, or a spooled
 * copy of standard input) and written as a stream of text pieces, every item kept in place. Pass 1
 * reads the whole archive before anything is written, so a file that is not a HAR fails before a
 * single byte of output. `write` may return a promise (a sink's back-pressure); it is awaited
 * between chunks.
 */
export async function sanitizeHarStream(
  open: () => ByteSource,
  write: (text: string) => void | Promise<void>,
  options: SanitizeStreamOptions = {},
): Promise<{ entries: number }> {
  const sanitizer = options.sanitizer ?? archiveSanitizer();
  let observed = 0;
  const skeleton = await readHarItems(
    open(),
    (items) => {
      options.onObserved?.(items);
      for (const item of items) sanitizer.observeEntry(item.value, item.index);
      observed += items.length;
    },
    { ...options, onProgress: (bytes, count) => options.onProgress?.(1, bytes, count) },
  );
  options.beforeWriting?.();
  let pending: Promise<void> | undefined;
  const writer = new HarWriter(sanitizer.sanitizeSkeleton(skeleton), (text) => {
    const result = write(text);
    if (result !== undefined) pending = pending === undefined ? result : pending.then(() => result);
  });
  let written = 0;
  await readHarItems(
    open(),
    async (items) => {
      for (const item of items) {
        if (item.index !== written) throw new HarReadError('the file changed while it was being read');
        writer.entry(sanitizer.sanitizeEntry(item.value, item.index));
        written++;
      }
      writer.flush();
      if (pending !== undefined) {
        const waiting = pending;
        pending = undefined;
        await waiting;
      }
    },
    { ...options, onProgress: (bytes, count) => options.onProgress?.(2, bytes, count) },
  );
  if (written !== observed) throw new HarReadError('the file changed while it was being read');
  writer.end();
  if (pending !== undefined) await pending;
  return { entries: written };
}
