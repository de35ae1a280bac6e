import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { Har } from '../core/har.ts';
import { isHarEntry } from '../core/is-har-entry.ts';
import { parseHar } from '../core/parse-har.ts';
import { decodeHarBytes } from './decode-har-bytes.ts';
import { describeFileError } from './describe-file-error.ts';

/**
 * Larger files are refused up front with a clear line: V8 cannot hold a string of 512 MB or more
 * (ERR_STRING_TOO_LONG), and parsing a HAR takes about three times its size in heap. 500 MB is
 * about 90,000 entries as Chrome writes them (indented, 30 headers each).
 */
export const MAX_HAR_BYTES = 500 * 1024 * 1024;

/** `skipped`: indexes of `log.entries` items that are not entry objects (the rest are still read). */
export type ReadHarResult = { ok: true; har: Har; skipped: number[] } | { ok: false; error: string };

type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

const tooLarge = (bytes: number): string =>
  `the file is ${(bytes / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_HAR_BYTES / 1024 / 1024} MB (trim the capture first)`;

/** A pipe or `-` (stdin) has no size up front: read in chunks and stop at the limit. */
function readStream(fd: number): BytesResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = new Uint8Array(1 << 20);
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    total += read;
    if (total > MAX_HAR_BYTES) return { ok: false, error: tooLarge(total) };
    chunks.push(chunk.subarray(0, read));
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}

function readBytes(path: string): BytesResult {
  let fd: number | undefined;
  try {
    fd = path === '-' ? 0 : openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, error: 'is a directory, expected a HAR file' };
    if (!stat.isFile()) return readStream(fd);
    if (stat.size > MAX_HAR_BYTES) return { ok: false, error: tooLarge(stat.size) };
    return { ok: true, bytes: readFileSync(fd) };
  } catch (error) {
    return { ok: false, error: describeFileError(error) };
  } finally {
    if (fd !== undefined && fd !== 0) closeSync(fd);
  }
}

/** parseHar accepts any array; a HAR 1.2 entry is an object. */
function nonEntryIndexes(har: Har): number[] {
  const indexes: number[] = [];
  har.log.entries.forEach((entry: unknown, index) => {
    if (!isHarEntry(entry)) indexes.push(index);
  });
  return indexes;
}

/**
 * Read a HAR file for the CLI: every way it can fail (missing, a directory, unreadable, too big,
 * binary, not JSON, not a HAR) comes back as one sentence, never as an exception.
 */
export function readHarFile(path: string): ReadHarResult {
  const bytes = readBytes(path);
  if (!bytes.ok) return bytes;
  const text = decodeHarBytes(bytes.bytes);
  if (!text.ok) return text;
  const parsed = parseHar(text.text);
  if (!parsed.ok) return parsed;
  // A few broken items must not cost the user the rest of a customer's file: they are skipped
  // with a warning. Only a file with no entry object at all is refused.
  const skipped = nonEntryIndexes(parsed.har);
  const entryCount = parsed.har.log.entries.length;
  if (entryCount > 0 && skipped.length === entryCount)
    return {
      ok: false,
      error: `not a HAR file: log.entries[${skipped[0]}] is not an object, nor is any other entry`,
    };
  return { ok: true, har: parsed.har, skipped };
}
