import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  HarReader,
  type HarItem,
  type HarReaderOptions,
  type HarSkeleton,
} from '../../../src/core/har-stream/index.ts';

/** `bytes` cut at the given offsets (sorted, deduplicated, clipped to the length). */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => Math.max(0, Math.min(bytes.length, cut))))].sort(
    (a, b) => a - b,
  );
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  return chunks;
}

/** `bytes` in chunks of `size` bytes. */
export function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}

export type ReadOutcome =
  { ok: true; items: HarItem[]; skeleton: HarSkeleton } | { ok: false; error: string };

/** Run a HarReader over the chunks and collect everything, or the one error it throws. */
export function readChunks(chunks: readonly Uint8Array[], options: HarReaderOptions = {}): ReadOutcome {
  const reader = new HarReader(options);
  const items: HarItem[] = [];
  try {
    for (const chunk of chunks) items.push(...reader.push(chunk));
    const end = reader.end();
    items.push(...end.items);
    return { ok: true, items, skeleton: end.skeleton };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A HAR file of the repository's fixtures, as bytes. */
export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url))));
}
