import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KEEP_NOTHING,
  TriageEngine,
  triageEntry,
  triageFinding,
  triageHar,
  type TriageReport,
} from '../../../src/core/engine/index.ts';
import type { Har, HarEntry } from '../../../src/core/har.ts';
import {
  HarWriter,
  readHarItems,
  sanitizeHarStream,
  sanitizeInMemory,
} from '../../../src/core/har-stream/index.ts';
import { fixtureBytes, splitAt, utf8 } from './read-chunks.ts';

/** Every entry of the repository's real HAR fixtures: each provider's failures, successes, GraphQL, SSE. */
const POOL: HarEntry[] = ['classify', 'cli', 'session']
  .flatMap((dir) =>
    readdirSync(fileURLToPath(new URL(`../../fixtures/${dir}`, import.meta.url)))
      .filter((name) => name.endsWith('.har'))
      .map((name) => `${dir}/${name}`),
  )
  .flatMap((path) => {
    try {
      const har = JSON.parse(new TextDecoder().decode(fixtureBytes(path)).replace(/^\uFEFF/, '')) as Har;
      return Array.isArray(har.log?.entries) ? har.log.entries : [];
    } catch {
      return []; // the CLI's deliberately broken fixtures
    }
  });

/** A HAR of pool entries in random order, with a broken item or two, in a random layout. */
const archive = fc
  .record({
    picks: fc.array(fc.oneof({ weight: 12, arbitrary: fc.nat(POOL.length - 1) }, fc.constant(-1)), {
      minLength: 1,
      maxLength: 30,
    }),
    indent: fc.constantFrom(undefined, 2, '\t'),
    pages: fc.boolean(),
  })
  .map(({ picks, indent, pages }) => {
    const entries = picks.map((pick) => (pick === -1 ? null : POOL[pick]));
    const log: Record<string, unknown> = {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
    };
    if (pages) log['pages'] = [{ id: 'page_1', title: 'https://app.example/?email=ann.lee@example.org' }];
    log['entries'] = entries;
    const har = { log } as unknown as Har;
    return { har, text: JSON.stringify(har, null, indent) };
  });

const cuts = fc.array(fc.nat(), { maxLength: 25 });

function chunked(text: string, at: readonly number[]): Uint8Array[] {
  const bytes = utf8(text);
  return splitAt(
    bytes,
    at.map((cut) => cut % (bytes.length + 1)),
  );
}

/** What the CLI does: items fed to the engine one at a time, rows as they come, findings last. */
async function streamedTriage(chunks: readonly Uint8Array[]): Promise<TriageReport> {
  const engine = new TriageEngine({ retention: KEEP_NOTHING });
  const entries: TriageReport['entries'] = [];
  await readHarItems(chunks, (items) => {
    for (const item of items) {
      const record = engine.addEntry(item.value, item.index);
      if (record?.diagnosis !== undefined) entries.push(triageEntry(record.exchange, record.diagnosis));
    }
  });
  return { entries, findings: engine.findings().map(triageFinding) };
}

describe('streamed and in-memory paths give the same results, whatever the chunking', () => {
  it('has a pool of real entries to draw from', () => {
    expect(POOL.length).toBeGreaterThan(50);
  });

  it('property: triage report', async () => {
    await fc.assert(
      fc.asyncProperty(archive, cuts, async ({ text }, at) => {
        const streamed = await streamedTriage(chunked(text, at));
        expect(JSON.stringify(streamed)).toBe(JSON.stringify(triageHar(JSON.parse(text) as Har)));
      }),
      { numRuns: 60 },
    );
  });

  it('property: sanitized HAR, character for character', async () => {
    await fc.assert(
      fc.asyncProperty(archive, cuts, async ({ text }, at) => {
        const out: string[] = [];
        const chunks = chunked(text, at);
        await sanitizeHarStream(
          () => chunks,
          (piece) => void out.push(piece),
        );
        const inMemory = `${JSON.stringify(sanitizeInMemory(JSON.parse(text) as Har), null, 2)}\n`;
        expect(out.join('')).toBe(inMemory);
      }),
      { numRuns: 40 },
    );
  });

  it('property: HarWriter writes what JSON.stringify(har, null, 2) writes, for any JSON around the entries', () => {
    const key = fc.string().filter((k) => k !== 'log' && k !== 'entries');
    const members = fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 });
    const anyHar = fc.record({
      before: members,
      logBefore: members,
      entries: fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }),
      logAfter: members,
      after: members,
    });
    fc.assert(
      fc.property(anyHar, ({ before, logBefore, entries, logAfter, after }) => {
        const log = { ...logBefore, entries: [] as unknown[], ...logAfter };
        const skeleton = { ...before, log, ...after } as unknown as Har;
        const out: string[] = [];
        const writer = new HarWriter(skeleton, (piece) => void out.push(piece));
        for (const entry of entries) writer.entry(entry);
        writer.end();
        const whole = { ...skeleton, log: { ...skeleton.log, entries } };
        expect(out.join('')).toBe(`${JSON.stringify(whole, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });
});
