import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSanitize } from '../../../src/cli/sanitize-command.ts';
import type { Har } from '../../../src/core/har.ts';
import { parseHar } from '../../../src/core/parse-har.ts';
import { captureIo } from './capture-io.ts';
import { fixturePath, PLANTED } from './fixture-path.ts';

const MIXED = fixturePath('mixed-providers.har');

async function sanitized(): Promise<{ text: string; har: Har }> {
  const run = captureIo();
  expect(await runSanitize([MIXED], run.io)).toBe(0);
  expect(run.stderr()).toBe('');
  const parsed = parseHar(run.stdout());
  if (!parsed.ok) throw new Error(parsed.error);
  return { text: run.stdout(), har: parsed.har };
}

describe('sanitize', () => {
  const original = JSON.parse(readFileSync(MIXED, 'utf8')) as Har;
  let text = '';
  let har: Har = { log: { entries: [] } };
  beforeAll(async () => {
    ({ text, har } = await sanitized());
  });

  it('writes a HAR with every entry, method, status and timing of the original', () => {
    expect(har.log.entries).toHaveLength(original.log.entries.length);
    har.log.entries.forEach((entry, i) => {
      const before = original.log.entries[i];
      expect(entry.request?.method).toBe(before?.request?.method);
      expect(entry.response?.status).toBe(before?.response?.status);
      expect(entry.startedDateTime).toBe(before?.startedDateTime);
      expect(entry.time).toBe(before?.time);
      expect(entry.timings).toEqual(before?.timings);
    });
  });

  it('keeps headers that carry no secret', () => {
    const headers = har.log.entries[0]?.request?.headers ?? [];
    expect(headers).toContainEqual({ name: 'accept-language', value: 'en-GB,en;q=0.9' });
  });

  it.each(Object.entries(PLANTED))('leaves no trace of the planted %s', (_kind, secret) => {
    expect(readFileSync(MIXED, 'utf8')).toContain(secret);
    expect(text).not.toContain(secret);
  });

  it('refuses a file that is not a HAR with one stderr line and exit status 2', async () => {
    const run = captureIo();
    expect(await runSanitize([fixturePath('log-without-entries.har')], run.io)).toBe(2);
    expect(run.stdout()).toBe('');
    expect(run.stderr()).toMatch(/^sanitize: .*log-without-entries\.har: not a HAR file: [^\n]+\n$/);
  });

  it('--help prints the usage and exits 0', async () => {
    const run = captureIo();
    expect(await runSanitize(['-h'], run.io)).toBe(0);
    expect(run.stdout()).toMatch(/^Usage: api-error-inspector sanitize FILE\.har/);
    expect(run.stdout()).toContain('npm run --silent sanitize -- FILE.har');
  });
});

describe('sanitize on a HAR file with broken items among its entries', () => {
  it('writes every item back in place and names the broken ones on stderr', async () => {
    const run = captureIo();
    expect(await runSanitize([fixturePath('some-broken-entries.har')], run.io)).toBe(0);
    const out = JSON.parse(run.stdout()) as { log: { entries: unknown[] } };
    expect(out.log.entries).toHaveLength(4);
    expect(out.log.entries[0]).toBeNull();
    expect(out.log.entries[2]).toBe('truncated by an editor');
    expect(run.stderr()).toMatch(/^sanitize: .*warning: log\.entries\[0\], \[2\] are not entry objects/);
  });
});
