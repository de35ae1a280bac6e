import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTriage } from '../../../src/cli/triage-command.ts';
import { CATEGORIES } from '../../../src/core/diagnosis.ts';
import { triageHar } from '../../../src/core/engine/index.ts';
import type { Har } from '../../../src/core/har.ts';
import { BUILT_IN_PROVIDER_IDS as PROVIDER_IDS } from '../../../src/core/profiles/index.ts';
import { captureIo } from './capture-io.ts';
import { fixturePath } from './fixture-path.ts';

const MIXED = fixturePath('mixed-providers.har');
const ENTRY_KEYS = [
  'index',
  'method',
  'status',
  'provider',
  'class',
  'category',
  'retry',
  'retry_after_s',
  'backoff_s',
  'action',
  'ticket',
];

interface JsonReport {
  entries: Record<string, unknown>[];
  findings: Record<string, unknown>[];
}

async function triageJson(...args: string[]): Promise<JsonReport> {
  const run = captureIo();
  expect(await runTriage(['--json', ...args], run.io)).toBe(0);
  expect(run.stderr()).toBe('');
  return JSON.parse(run.stdout()) as JsonReport;
}

const byIndex = (report: JsonReport, index: number): Record<string, unknown> | undefined =>
  report.entries.find((entry) => entry['index'] === index);

describe('triage --json on a HAR with several providers', () => {
  let report: JsonReport = { entries: [], findings: [] };
  beforeAll(async () => {
    report = await triageJson(MIXED);
  });

  it('prints one object with exactly entries and findings, each with exactly the contract keys, in order', () => {
    expect(Object.keys(report)).toEqual(['entries', 'findings']);
    for (const entry of report.entries) expect(Object.keys(entry)).toEqual(ENTRY_KEYS);
    for (const finding of report.findings)
      expect(Object.keys(finding)).toEqual(['kind', 'entries', 'message']);
  });

  it('lists only the failures, by their position in log.entries: not the 200s, the 204 preflight or the 304', () => {
    expect(report.entries.map((entry) => entry['index'])).toEqual([1, 2, 3, 4, 6, 7, 9, 10, 11, 13]);
  });

  it('classifies each failure with the contract vocabulary', () => {
    const rows = report.entries.map((e) => [
      e['index'],
      e['method'],
      e['status'],
      e['provider'],
      e['category'],
    ]);
    expect(rows).toEqual([
      [1, 'POST', 422, 'persona', 'unprocessable'],
      [2, 'POST', 429, 'persona', 'rate_limited'],
      [3, 'POST', 429, 'persona', 'rate_limited'],
      [4, 'POST', 429, 'persly', 'quota_exceeded'],
      [6, 'POST', 400, 'persly', 'bad_request'],
      [7, 'POST', 200, 'generic', 'bad_request'],
      [9, 'POST', 503, 'error-envelope', 'service_unavailable'],
      [10, 'GET', 500, 'generic', 'server_error'],
      [11, 'GET', 0, 'persona', 'network_error'],
      [13, 'GET', 404, 'ranex', 'not_found'],
    ]);
    for (const entry of report.entries) {
      expect(PROVIDER_IDS).toContain(entry['provider']);
      expect(CATEGORIES).toContain(entry['category']);
      expect(['client', 'server', 'network']).toContain(entry['class']);
      expect(['yes', 'no', 'conditional']).toContain(entry['retry']);
    }
  });

  it('lists a GraphQL error inside a 200 response', () => {
    expect(byIndex(report, 7)).toMatchObject({ status: 200, class: 'client', retry: 'no' });
  });

  it('carries the server wait in seconds, and null where the response named none', () => {
    expect(report.entries.map((entry) => entry['retry_after_s'])).toEqual([
      null,
      30,
      27,
      null,
      null,
      null,
      5,
      null,
      null,
      null,
    ]);
    expect(byIndex(report, 2)).toMatchObject({ retry: 'yes', backoff_s: [5, 10, 20, 40] });
    expect(byIndex(report, 9)).toMatchObject({ retry: 'yes', backoff_s: [1, 2, 4] });
  });

  it('gives every failure an action sentence and a ticket naming its status and path', () => {
    const ticket = String(byIndex(report, 6)?.['ticket']);
    expect(ticket).toContain('400');
    expect(ticket).toContain('/v1/embeddings');
    for (const entry of report.entries) {
      expect(String(entry['action']).length).toBeGreaterThan(10);
      expect(String(entry['ticket']).length).toBeGreaterThan(10);
    }
  });

  it('reports the early retry of the 429 as a session finding over entries 2 and 3', () => {
    expect(report.findings).toContainEqual(
      expect.objectContaining({ kind: 'retry_before_wait', entries: [2, 3] }),
    );
  });
});

describe('triage --json written as the failures come', () => {
  it('is character for character JSON.stringify of the in-memory report, compact and indented', async () => {
    for (const name of ['mixed-providers.har', 'some-broken-entries.har', 'bom.har']) {
      const path = fixturePath(name);
      const har = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as Har;
      const report = triageHar(har);
      const piped = captureIo();
      const terminal = captureIo({ isTTY: true });
      expect(await runTriage(['--json', path], piped.io)).toBe(0);
      expect(await runTriage(['--json', path], terminal.io)).toBe(0);
      expect(piped.stdout()).toBe(`${JSON.stringify(report)}\n`);
      expect(terminal.stdout()).toBe(`${JSON.stringify(report, null, 2)}\n`);
    }
  });
});

describe('triage --json layout', () => {
  it('is one line into a pipe and indented on a terminal, the same object either way', async () => {
    const piped = captureIo();
    const terminal = captureIo({ isTTY: true });
    expect(await runTriage(['--json', MIXED], piped.io)).toBe(0);
    expect(await runTriage(['--json', MIXED], terminal.io)).toBe(0);
    expect(piped.stdout().trimEnd().split('\n')).toHaveLength(1);
    expect(terminal.stdout()).toMatch(/^\{\n {2}"entries": \[/);
    expect(JSON.parse(terminal.stdout())).toEqual(JSON.parse(piped.stdout()));
  });
});

describe('triage --map', () => {
  it('assigns a host to a profile, matching the host case-insensitively', async () => {
    const plain = await triageJson(MIXED);
    const mapped = await triageJson(
      '--map',
      'Partners.PRIVO-kids.test=privo',
      '--map=api.ranex-kyc.test=generic',
      MIXED,
    );
    expect(byIndex(plain, 10)?.['provider']).toBe('generic');
    expect(byIndex(mapped, 10)?.['provider']).toBe('privo');
    expect(byIndex(plain, 13)?.['provider']).toBe('ranex');
    expect(byIndex(mapped, 13)?.['provider']).toBe('generic');
    expect(byIndex(mapped, 2)?.['provider']).toBe('persona');
  });
});

describe('triage on files that are not HAR files', () => {
  const cases: [string, string, RegExp][] = [
    ['an empty file', fixturePath('empty.har'), /empty/],
    ['malformed JSON', fixturePath('not-json.har'), /not valid JSON/],
    ['a JSON array', fixturePath('array.har'), /expected a JSON object/],
    ['{}', fixturePath('empty-object.har'), /no "log" object/],
    ['{"log":{}}', fixturePath('log-without-entries.har'), /"log\.entries" is not an array/],
    ['a null entry', fixturePath('null-entry.har'), /log\.entries\[0\] is not an object/],
    ['a binary file', fixturePath('binary.har'), /binary/],
    ['a missing file', fixturePath('does-not-exist.har'), /no such file/],
    ['a directory', fixturePath(''), /is a directory/],
  ];

  it.each(cases)(
    '%s: exit 2, one line on stderr naming the file, nothing on stdout',
    async (_name, path, reason) => {
      const run = captureIo();
      expect(await runTriage([path], run.io)).toBe(2);
      expect(run.stdout()).toBe('');
      const lines = run.stderr().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe('');
      expect(lines[0]).toMatch(/^triage: /);
      expect(lines[0]).toContain(path);
      expect(lines[0]).toMatch(reason);
      expect(run.stderr()).not.toMatch(/^\s+at /m);
    },
  );

  it('accepts a UTF-8 byte-order mark at the start of a HAR file', async () => {
    expect((await triageJson(fixturePath('bom.har'))).entries.map((entry) => entry['index'])).toEqual([0, 1]);
  });
});

describe('triage arguments', () => {
  it.each([
    [['--json'], /missing the HAR file/],
    [['a.har', 'b.har'], /expected one HAR file, got 2/],
    [['--verbose', 'a.har'], /unknown option --verbose/],
    [['--map'], /--map needs a value/],
    [['--map', 'api.example.com', 'a.har'], /expected HOST=PROFILE/],
    [['--map', 'api.example.com=acme', 'a.har'], /unknown profile "acme" \(one of: persona, ranex/],
    [['--json=yes', 'a.har'], /--json takes no value/],
  ])('%j: exit 2 with one usage line', async (args, message) => {
    const run = captureIo();
    expect(await runTriage(args, run.io)).toBe(2);
    expect(run.stderr()).toMatch(message);
    expect(run.stderr().trimEnd().split('\n')).toHaveLength(1);
    expect(run.stdout()).toBe('');
  });

  it('--help prints the usage, the profiles and the exit statuses, and exits 0', async () => {
    const run = captureIo();
    expect(await runTriage(['--help'], run.io)).toBe(0);
    expect(run.stdout()).toContain(
      'Usage: api-error-inspector triage [--json] [--map HOST=PROFILE]... [--profile FILE.json]... FILE.har',
    );
    expect(run.stdout()).toContain(
      'npm run --silent triage -- [--json] [--map HOST=PROFILE]... [--profile FILE.json]... FILE.har',
    );
    expect(run.stdout()).toContain(PROVIDER_IDS.join(', '));
    expect(run.stdout()).toMatch(
      /Exit status: 0 when the file was triaged, whether or not it contains failures/,
    );
  });
});

describe('triage without --json', () => {
  const text = async (options: { isTTY?: boolean; env?: Record<string, string> }): Promise<string> => {
    const run = captureIo(options);
    expect(await runTriage([MIXED], run.io)).toBe(0);
    return run.stdout();
  };

  it('prints a table of the failures, then actions and findings', async () => {
    const output = await text({});
    const lines = output.split('\n');
    expect(lines[0]).toBe(`${MIXED}: 15 entries, 10 failed`);
    expect(lines).toContainEqual(
      expect.stringMatching(/^# +METHOD +STATUS +PROVIDER +CATEGORY +RETRY +WAIT +PATH$/),
    );
    const row = lines.find((line) => line.startsWith('2 '));
    expect(row?.split(/ {2,}/)).toEqual([
      '2',
      'POST',
      '429',
      'persona',
      'rate_limited',
      'yes',
      '30s',
      '/api/v1/accounts',
    ]);
    expect(output).toMatch(/^Actions$/m);
    expect(output).toMatch(/^Findings \(\d+\)$/m);
    expect(output).toMatch(/retry_before_wait \(#2, #3\)/);
  });

  it('uses colour only on a terminal without NO_COLOR', async () => {
    expect(await text({})).not.toContain('\u001b[');
    expect(await text({ isTTY: true, env: { NO_COLOR: '1' } })).not.toContain('\u001b[');
    expect(await text({ isTTY: true })).toContain('\u001b[');
  });

  it('matches the --json report row for row', async () => {
    const report = await triageJson(MIXED);
    const rows = (await text({})).split('\n').filter((line) => /^\d+ /.test(line));
    expect(rows.map((line) => Number(line.split(' ')[0]))).toEqual(
      report.entries.map((entry) => entry['index']),
    );
  });
});

describe('triage on a HAR file with broken items among its entries', () => {
  it('triages the entries it can, keeps their indexes and names the skipped items on stderr', async () => {
    const run = captureIo();
    const path = fixturePath('some-broken-entries.har');
    expect(await runTriage(['--json', path], run.io)).toBe(0);
    const report = JSON.parse(run.stdout()) as { entries: { index: number; provider: string }[] };
    expect(report.entries.map((entry) => [entry.index, entry.provider])).toEqual([[1, 'persona']]);
    const lines = run.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^triage: .*some-broken-entries\.har: warning: log\.entries\[0\], \[2\] are not entry objects; skipped/,
    );
  });
});
