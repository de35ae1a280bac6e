import { describe, expect, it } from 'vitest';
import { HarJobs, type FromWorker } from '../../../src/panel/har-transfer/index.ts';

// What one main-thread task of an import has to take in is one 'items' message: the worker bounds
// it by count and by the bytes read since the previous one, whatever the file's size. This is the
// counted side of the "no main-thread task over 200 ms" (the e2e only prints durations).

const CHUNK = 64 * 1024;

/** A Blob whose stream delivers CHUNK-byte pieces, as browsers do. */
function chunkedBlob(text: string): Blob {
  const bytes = new TextEncoder().encode(text);
  const blob = new Blob([bytes]);
  blob.stream = () => {
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) controller.close();
        else controller.enqueue(bytes.slice(offset, (offset += CHUNK)));
      },
    }) as ReturnType<Blob['stream']>;
  };
  return blob;
}

/** `count` entries with bodies of varied size (up to ~40 KB), every third a 500. */
function har(count: number): { text: string; largestEntry: number } {
  let largestEntry = 0;
  const entries = Array.from({ length: count }, (_, i) => {
    const entry = {
      startedDateTime: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
      time: 10,
      request: { method: 'GET', url: `https://api.example.test/v1/items/${i}`, headers: [] },
      response: {
        status: i % 3 === 0 ? 500 : 200,
        headers: [],
        content: {
          mimeType: 'application/json',
          text: JSON.stringify({ pad: 'x'.repeat((i * 7919) % 40_000) }),
        },
      },
    };
    largestEntry = Math.max(largestEntry, JSON.stringify(entry).length);
    return entry;
  });
  return { text: JSON.stringify({ log: { version: '1.2', entries } }), largestEntry };
}

async function importAll(blob: Blob): Promise<FromWorker[]> {
  const messages: FromWorker[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const jobs: HarJobs = new HarJobs((message) => {
    messages.push(message);
    // The main thread acknowledges each batch once it has taken it in.
    if (message.type === 'items') queueMicrotask(() => jobs.receive({ job: 1, type: 'ack' }));
    if (message.type === 'done' || message.type === 'error' || message.type === 'cancelled') done();
  });
  jobs.receive({ job: 1, type: 'import', file: blob });
  await finished;
  return messages;
}

describe('HarJobs import: what one message hands the main thread', () => {
  it('is bounded by count and by bytes read, not by the file, and every entry arrives once, in order', async () => {
    for (const count of [300, 3000]) {
      const { text, largestEntry } = har(count);
      const messages = await importAll(chunkedBlob(text));
      const batches = messages.flatMap((m) => (m.type === 'items' ? [m.items] : []));
      expect(messages.at(-1)).toMatchObject({ type: 'done', items: count });
      expect(batches.flat().map((item) => item.index)).toEqual(Array.from({ length: count }, (_, i) => i));
      const largestBatch = Math.max(
        ...batches.map((items) => JSON.stringify(items.map((i) => i.value)).length),
      );
      // At most 512 KiB read since the previous batch, plus the chunk that crossed it and the entry
      // that chunk ended inside: the same bound for 300 entries (~6 MB) and 3,000 (~60 MB).
      expect(largestBatch).toBeLessThanOrEqual(512 * 1024 + CHUNK + largestEntry);
      expect(Math.max(...batches.map((items) => items.length))).toBeLessThanOrEqual(500);
      expect(batches.length).toBeGreaterThan(count / 100);
    }
  });
});
