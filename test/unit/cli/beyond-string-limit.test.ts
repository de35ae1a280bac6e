import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HarReader, type HarItem } from '../../../src/core/har-stream/index.ts';
import { emptyPlan, largeHar, writeLargeHar } from './large-har.ts';
import { spawnCli } from './spawn-cli.ts';

// A HAR beyond V8's longest string (2^29 - 24 characters, ~512 MiB) cannot be opened by anything
// built on JSON.parse of the whole file. Both commands must stream it, every entry kept, in memory
// bounded by the largest entry: the child's peak RSS is checked against the 512 MB budget
// (a memory bound, not a timing). The file is generated as a stream, so this test holds none of it.

const MiB = 1024 * 1024;
const TARGET = 620 * MiB;
// Over the reader's 32 MiB string limit; the rest of the file still exceeds 512 MiB once it is removed.
const HUGE_BODY_MIB = 64;
const RSS_BUDGET = 512 * 1000 * 1000;

const dir = mkdtempSync(join(tmpdir(), 'api-error-inspector-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  index: number;
  status: number;
  category: string;
}

// Minutes on a loaded 2-core machine: the suite's 20 s default is for ordinary tests.
describe('a HAR larger than 512 MiB', { timeout: 15 * 60_000 }, () => {
  it('triage streams it from standard input: every failure listed with its index, the huge body named', async () => {
    const plan = emptyPlan();
    const run = await spawnCli('triage', ['--json', '-'], {
      stdin: (async function* () {
        yield* largeHar(TARGET, HUGE_BODY_MIB, plan);
      })(),
      measureRss: true,
    });
    expect(plan.bytes).toBeGreaterThan(TARGET);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { entries: Row[] };
    expect(report.entries.map((row) => row.index)).toEqual(plan.failures);
    expect(report.entries.every((row) => row.status === 429 && row.category === 'rate_limited')).toBe(true);
    expect(run.stderr).toMatch(
      /^triage: -: warning: log\.entries\[1\]\.response\.content\.text \(\d+ bytes, string too long\): too large to hold; kept as a placeholder/,
    );
    expect(run.maxRssBytes).toBeLessThan(RSS_BUDGET);
  });

  it('sanitize writes it back entry by entry: valid JSON, every entry kept in place', async () => {
    const path = join(dir, 'large.har');
    const plan = writeLargeHar(path, TARGET, HUGE_BODY_MIB);
    // The output is as large as the input: read it back with the streaming reader, not into a string.
    const reader = new HarReader();
    const items: { index: number; status: unknown; text: unknown }[] = [];
    const keep = (item: HarItem): void => {
      const entry = item.value as { response?: { status?: unknown; content?: { text?: unknown } } };
      const text = entry.response?.content?.text;
      items.push({
        index: item.index,
        status: entry.response?.status,
        text: typeof text === 'string' && text.length < 200 ? text : '…',
      });
    };
    let bytes = 0;
    const run = await spawnCli('sanitize', [path], {
      onStdout: (chunk) => {
        bytes += chunk.length;
        reader.push(new Uint8Array(chunk)).forEach(keep);
      },
      measureRss: true,
    });
    reader.end().items.forEach(keep);
    expect(run.status).toBe(0);
    expect(bytes).toBeGreaterThan(512 * MiB);
    expect(items.map((item) => item.index)).toEqual(Array.from({ length: plan.entries }, (_, i) => i));
    for (const index of plan.failures) expect(items[index]?.status).toBe(429);
    expect(items[plan.hugeIndex]?.text).toMatch(
      /^\[api-error-inspector removed a \d+-byte string: too long to hold\]$/,
    );
    expect(run.maxRssBytes).toBeLessThan(RSS_BUDGET);
  });
});
