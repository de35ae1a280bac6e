import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath, PLANTED } from './fixture-path.ts';
import { spawnCli, spawnCommand, type CliRun } from './spawn-cli.ts';

// The contract as a user meets it: the built bin in real processes, real exit statuses, real
// streams. Most cases run in-process (run-triage.test.ts, run-sanitize.test.ts); these prove the
// wiring and what only a process shows: gzip, encodings, depth, standard input.

function expectOneErrorLine(run: CliRun, command: string, message?: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(new RegExp(`^${command}: [^\\n]+\\n$`));
  expect(run.stderr).not.toMatch(/^\s+at /m);
  if (message !== undefined) expect(run.stderr).toMatch(message);
}

const dir = mkdtempSync(join(tmpdir(), 'api-error-inspector-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MIXED = fixturePath('mixed-providers.har');
const mixedText = readFileSync(MIXED, 'utf8');

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const utf16le = (text: string, bom: boolean): Uint8Array => {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  const view = new DataView(bytes.buffer);
  if (bom) view.setUint16(0, 0xfeff, true);
  for (let i = 0; i < text.length; i++) view.setUint16((bom ? 2 : 0) + i * 2, text.charCodeAt(i), true);
  return bytes;
};

describe('the triage and sanitize processes', () => {
  it('triage --json writes exactly one JSON object to stdout and exits 0 although failures were found', async () => {
    const run = await spawnCli('triage', ['--json', MIXED]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { entries: { index: number }[]; findings: unknown[] };
    expect(Object.keys(report)).toEqual(['entries', 'findings']);
    expect(report.entries.length).toBe(10);
  });

  it('every kind of bad input is one stderr line and exit status 2, never a stack trace', async () => {
    const runs = await Promise.all([
      spawnCli('triage', [fixturePath('binary.har')]),
      spawnCli('triage', [fixturePath('missing.har')]),
      spawnCli('triage', [fixturePath('')]),
      spawnCli('triage', ['--map', 'api.example.com=nobody', MIXED]),
      spawnCli('sanitize', [fixturePath('empty-object.har')]),
    ]);
    runs.slice(0, 4).forEach((run) => expectOneErrorLine(run, 'triage'));
    runs.slice(4).forEach((run) => expectOneErrorLine(run, 'sanitize'));
  });

  it('reads the HAR from standard input when the file is "-"', async () => {
    const run = await spawnCli('triage', ['--json', '-'], { stdin: readFileSync(fixturePath('bom.har')) });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { entries: { index: number }[] };
    expect(report.entries.map((entry) => entry.index)).toEqual([0, 1]);
  });

  it('sanitize writes a HAR without the planted secrets', async () => {
    const run = await spawnCli('sanitize', [MIXED]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const har = JSON.parse(run.stdout) as { log: { entries: unknown[] } };
    expect(har.log.entries).toHaveLength(15);
    for (const secret of Object.values(PLANTED)) expect(run.stdout).not.toContain(secret);
  });

  it('runs through the package scripts as documented: npm run --silent triage -- --help', async () => {
    const run = await spawnCommand('npm', ['run', '--silent', 'triage', '--', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: api-error-inspector triage /);
    const sanitize = await spawnCommand('npm', ['run', '--silent', 'sanitize', '--', MIXED]);
    expect(sanitize.status).toBe(0);
    expect(sanitize.stdout).toBe((await spawnCli('sanitize', [MIXED])).stdout);
  });
});

describe('gzip-compressed HAR files', () => {
  const gz = file('capture.har.gz', gzipSync(mixedText));

  it('triage reads a .har.gz file and standard input by their magic bytes, the same as the plain file', async () => {
    const plain = await spawnCli('triage', ['--json', MIXED]);
    const named = await spawnCli('triage', ['--json', gz]);
    const piped = await spawnCli('triage', ['--json', '-'], { stdin: readFileSync(gz) });
    const misnamed = await spawnCli('triage', ['--json', file('capture.har', gzipSync(mixedText))]);
    for (const run of [named, piped, misnamed]) {
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(plain.stdout);
    }
  });

  it('sanitize reads a gzip file twice, and gzip on standard input through a temporary copy', async () => {
    const plain = await spawnCli('sanitize', [MIXED]);
    const named = await spawnCli('sanitize', [gz]);
    const piped = await spawnCli('sanitize', ['-'], { stdin: readFileSync(gz) });
    for (const run of [named, piped]) {
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(plain.stdout);
    }
  });

  it('a gzip file cut short or damaged is one line and exit status 2', async () => {
    const whole = readFileSync(gz);
    expectOneErrorLine(
      await spawnCli('sanitize', [file('cut.har.gz', whole.subarray(0, whole.length - 40))]),
      'sanitize',
      /gzip file is cut short/,
    );
    const damaged = Buffer.from(whole);
    damaged.fill(0x55, 12, 40);
    expectOneErrorLine(
      await spawnCli('sanitize', [file('damaged.har.gz', damaged)]),
      'sanitize',
      /gzip data is damaged/,
    );
  });
});

describe('encodings', () => {
  it('reads UTF-16 with a byte-order mark', async () => {
    const run = await spawnCli('triage', ['--json', file('utf16-bom.har', utf16le(mixedText, true))]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe((await spawnCli('triage', ['--json', MIXED])).stdout);
  });

  it('says how to convert UTF-16 without a mark and text in a legacy encoding', async () => {
    expectOneErrorLine(
      await spawnCli('triage', [file('utf16.har', utf16le(mixedText, false))]),
      'triage',
      /UTF-16LE text without a byte-order mark; HAR files are UTF-8: convert it first, e\.g\. iconv -f UTF-16LE -t UTF-8/,
    );
    const latin1 = Buffer.from(mixedText.replace('"Unprocessable', '"Caf\u00e9 Unprocessable'), 'latin1');
    expectOneErrorLine(
      await spawnCli('sanitize', [file('latin1.har', latin1)]),
      'sanitize',
      /not valid UTF-8 text \(byte 0xE9 at offset \d+\); .*iconv -f WINDOWS-1252 -t UTF-8/,
    );
  });
});

describe('depth', () => {
  const deep = `${'{"a":'.repeat(100_000)}"alex.doe@example.org"${'}'.repeat(100_000)}`;
  const har = JSON.parse(mixedText) as { log: { entries: Record<string, unknown>[] } };
  const text = JSON.stringify(har).replace('"_resourceType"', `"_custom":${deep},"_resourceType"`);
  const path = file('deep.har', text);

  it('an entry nested 100,000 levels deep is triaged with the others, the deep value replaced and named', async () => {
    expect(text.length).toBeGreaterThan(500_000);
    const run = await spawnCli('triage', ['--json', path]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse((await spawnCli('triage', ['--json', MIXED])).stdout));
    expect(run.stderr).toMatch(
      /^triage: .*deep\.har: warning: log\.entries\[\d+\]\._custom(\.a)+… \(\d+ bytes, nested too deep\)/,
    );
  });

  it('sanitize writes it back as valid JSON, every entry kept', async () => {
    const run = await spawnCli('sanitize', [path]);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { log: { entries: unknown[] } };
    expect(out.log.entries).toHaveLength(har.log.entries.length);
    expect(run.stdout).toContain('nested deeper than 500 levels');
    expect(run.stdout).not.toContain('alex.doe@example.org');
  });
});

describe('a HAR file cut short', () => {
  it('triage --json still writes one valid JSON object with what was read, and exits 2 with one line', async () => {
    const cut = mixedText.slice(0, mixedText.indexOf('"startedDateTime"', mixedText.length / 2) + 30);
    const run = await spawnCli('triage', ['--json', file('cut.har', cut)]);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as { entries: { index: number }[] };
    expect(report.entries.length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(
      /^triage: .*cut\.har: not a HAR file: .*ends inside log\.entries\[\d+\]: was it cut short\?\) \(the report covers the first \d+ items of log\.entries\)\n$/,
    );
  });

  it('sanitize writes nothing for it', async () => {
    const cut = mixedText.slice(0, mixedText.length - 200);
    expectOneErrorLine(await spawnCli('sanitize', [file('cut2.har', cut)]), 'sanitize', /was it cut short/);
  });
});

describe('the api-error-inspector bin', () => {
  it('prints its usage and version, and refuses an unknown command with one line', async () => {
    const bin = (args: string[]): Promise<CliRun> =>
      spawnCommand(process.execPath, ['dist/cli/api-error-inspector.cjs', ...args]);
    const help = await bin(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: api-error-inspector <command>/);
    const version = await bin(['--version']);
    const pkg = JSON.parse(readFileSync(fixturePath('../../../package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`${pkg.version}\n`);
    const unknown = await bin(['triagee', MIXED]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'api-error-inspector: unknown command "triagee": triage or sanitize (see --help)\n',
    );
  });
});
