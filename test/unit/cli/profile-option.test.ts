import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTriage } from '../../../src/cli/triage-command.ts';
import { captureIo } from './capture-io.ts';
import { spawnCli } from './spawn-cli.ts';

const path = (name: string) => fileURLToPath(new URL(`../../fixtures/profiles/${name}`, import.meta.url));
const HAR = path('acme-failures.har');
const ACME = path('acme.json');

interface Entry {
  index: number;
  provider: string;
  category: string;
  retry: string;
  backoff_s: number[];
  action: string;
}

async function triage(...args: string[]): Promise<{ status: number; entries: Entry[]; stderr: string }> {
  const run = captureIo();
  const status = await runTriage(['--json', ...args], run.io);
  const out = run.stdout();
  return {
    status,
    stderr: run.stderr(),
    entries: out === '' ? [] : (JSON.parse(out) as { entries: Entry[] }).entries,
  };
}

describe('triage --profile FILE.json', () => {
  it('without the profile, a team API is generic', async () => {
    expect((await triage(HAR)).entries.map((e) => e.provider)).toEqual(['generic', 'generic', 'generic']);
  });

  it('classifies by the loaded profile, whose id appears in `provider`', async () => {
    const { status, entries, stderr } = await triage('--profile', ACME, HAR);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(entries[0]).toMatchObject({
      provider: 'acme',
      category: 'rate_limited',
      retry: 'yes',
      backoff_s: [2, 4, 8],
    });
    expect(entries[0]?.action).toMatch(
      /^Resend with backoff of 2, 4, 8 s\. Another change to order ORDER_BUSY/,
    );
    expect(entries[1]?.provider).toBe('generic');
  });

  it('lets --map name a loaded profile, and refuses it without the profile', async () => {
    const mapped = await triage('--profile', ACME, '--map', 'orders.internal.test=acme', HAR);
    expect(mapped.entries[1]).toMatchObject({ provider: 'acme', category: 'conflict', retry: 'no' });
    const unknown = await triage('--map', 'orders.internal.test=acme', HAR);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^triage: --map "orders\.internal\.test=acme": unknown profile "acme"/);
  });

  it('is repeatable', async () => {
    const { entries } = await triage('--profile', ACME, '--profile', path('status-page.json'), HAR);
    expect(entries.map((e) => e.provider)).toEqual(['acme', 'generic', 'status-page']);
    expect(entries[2]).toMatchObject({ retry: 'yes', backoff_s: [10, 20] });
  });

  it('refuses an invalid or missing profile with one line naming the file and the problem', async () => {
    const broken = await triage('--profile', path('broken.json'), HAR);
    expect(broken.status).toBe(2);
    expect(broken.entries).toEqual([]);
    expect(broken.stderr).toMatch(
      /^triage: --profile .*broken\.json: not a valid profile: rules\[0\]\.then\.retry: "later" is not one of yes, no, conditional, when-idempotent\n$/,
    );
    const missing = await triage('--profile', path('nope.json'), HAR);
    expect(missing.stderr).toMatch(/^triage: --profile .*nope\.json: no such file\n$/);
    const notJson = await triage('--profile', HAR.replace('acme-failures.har', '../cli/not-json.har'), HAR);
    expect(notJson.stderr).toMatch(/: not JSON \(/);
  });

  it('works in a real process', { timeout: 30_000 }, async () => {
    const run = await spawnCli('triage', ['--json', '--profile', ACME, HAR]);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { entries: Entry[] };
    expect(report.entries[0]?.provider).toBe('acme');
  });
});
