import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, PLANTED } from './fixture-path.ts';
import { spawnCli, spawnCommand, type CliRun } from './spawn-cli.ts';

// The contract as a user meets it: real processes, real exit statuses, real streams. Most cases
// run in-process (run-triage.test.ts, run-sanitize.test.ts); these few prove the wiring.

function expectOneErrorLine(run: CliRun, command: string): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(new RegExp(`^${command}: [^\\n]+\\n$`));
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

// A tsx start costs 0.3-1.5 s on a busy 2-core machine; the default 5 s is too tight for a few in a row.
describe('the triage and sanitize processes', { timeout: 30_000 }, () => {
  it('triage --json writes exactly one JSON object to stdout and exits 0 although failures were found', async () => {
    const run = await spawnCli('triage', ['--json', fixturePath('mixed-providers.har')]);
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
      spawnCli('triage', ['--map', 'api.example.com=nobody', fixturePath('mixed-providers.har')]),
      spawnCli('sanitize', [fixturePath('empty-object.har')]),
    ]);
    runs.slice(0, 4).forEach((run) => expectOneErrorLine(run, 'triage'));
    runs.slice(4).forEach((run) => expectOneErrorLine(run, 'sanitize'));
  });

  it('reads the HAR from standard input when the file is "-"', async () => {
    const run = await spawnCli('triage', ['--json', '-'], readFileSync(fixturePath('bom.har'), 'utf8'));
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { entries: { index: number }[] };
    expect(report.entries.map((entry) => entry.index)).toEqual([0, 1]);
  });

  it('sanitize writes a HAR without the planted secrets', async () => {
    const run = await spawnCli('sanitize', [fixturePath('mixed-providers.har')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const har = JSON.parse(run.stdout) as { log: { entries: unknown[] } };
    expect(har.log.entries).toHaveLength(15);
    for (const secret of Object.values(PLANTED)) expect(run.stdout).not.toContain(secret);
  });

  it('runs through the package script as documented: npm run --silent triage -- --help', async () => {
    const run = await spawnCommand('npm', ['run', '--silent', 'triage', '--', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run --silent triage --/);
  });
});
