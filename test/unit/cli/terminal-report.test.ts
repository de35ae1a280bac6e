import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUFFERED_ROWS } from '../../../src/cli/terminal-report.ts';
import { runTriage } from '../../../src/cli/triage-command.ts';
import { captureIo } from './capture-io.ts';

const dir = mkdtempSync(join(tmpdir(), 'api-error-inspector-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A HAR with `failures` 404s to a path naming each one, then a 200. */
function har(failures: number): string {
  const entry = (i: number, status: number) => ({
    startedDateTime: new Date(Date.parse('2026-11-20T10:00:00.000Z') + i * 1000).toISOString(),
    request: { method: 'GET', url: `https://api.example.test/v1/items/${i}`, headers: [] },
    response: { status, headers: [], content: { mimeType: 'application/json', text: '{}' } },
  });
  const entries = Array.from({ length: failures }, (_, i) => entry(i, 404));
  entries.push(entry(failures, 200));
  const path = join(dir, `${failures}.har`);
  writeFileSync(path, JSON.stringify({ log: { entries } }));
  return path;
}

describe('the terminal report of a file with more failures than it holds back', () => {
  it('writes the rows as they come and the totals after them, every failure listed once', async () => {
    const count = BUFFERED_ROWS + 250;
    const path = har(count);
    const run = captureIo();
    expect(await runTriage([path], run.io)).toBe(0);
    const lines = run.stdout().split('\n');
    expect(lines[0]).toBe(`${path}: failed exchanges as they are read (totals at the end)`);
    expect(lines[2]).toMatch(/^# +METHOD +STATUS +PROVIDER +CATEGORY +RETRY +WAIT +PATH$/);
    const rows = lines.filter((line) => /^\d+ /.test(line)).map((line) => Number(line.split(' ')[0]));
    expect(rows).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(lines).toContain(`${path}: ${count + 1} entries, ${count} failed`);
    expect(run.stdout().indexOf('entries, ')).toBeGreaterThan(run.stdout().indexOf(`\n${count - 1} `));
    // One action line for all of them, with the first indexes and a count.
    expect(run.stdout()).toMatch(/#0, #1, #2, #3, #4, #5, #6, #7, #8, #9, … \+1240 more: /);
  });

  it("keeps today's layout (summary first, columns padded to the widest cell) below the limit", async () => {
    const path = har(12);
    const run = captureIo();
    expect(await runTriage([path], run.io)).toBe(0);
    const lines = run.stdout().split('\n');
    expect(lines[0]).toBe(`${path}: 13 entries, 12 failed`);
    expect(lines[2]).toMatch(/^# {3}METHOD/);
  });
});
