import { describe, expect, it } from 'vitest';
import { readJudgingOptions } from '../../../src/platform/capture/index.ts';

/** Profile documents as a user imports them (stored) and as a policy sets them (managed: JSON text). */
const profile = (id: string, hosts: string[]) => ({
  formatVersion: 1,
  id,
  name: `${id} profile`,
  recognize: { hosts },
  failureWhen: [{ equals: { status: 'error' } }],
  rules: [],
});

const resolved = (value: unknown) => () => Promise.resolve(value);
const rejected = () => Promise.reject(new Error('storage unavailable'));

describe('readJudgingOptions', () => {
  it("merges the user's and the organisation's profiles and host mappings as the panel does", async () => {
    const options = await readJudgingOptions(
      resolved({
        profiles: [profile('hooks-team', ['hooks.team.example']), { id: 'broken' }],
        hostMap: { 'Relay.Corp.Example': 'hooks-team', 'shared.example': 'stripe' },
      }),
      resolved({
        profiles: [
          JSON.stringify(profile('org-billing', ['billing.org.example'])),
          JSON.stringify(profile('hooks-team', ['old.hooks.example'])),
        ],
        hostMap: { 'shared.example': 'slack', 'billing-proxy.example': 'org-billing' },
      }),
    );
    // The user's profile wins its id over the organisation's; a malformed document is skipped.
    expect(options.profiles?.map((p) => [p.id, p.hosts])).toEqual([
      ['hooks-team', ['hooks.team.example']],
      ['org-billing', ['billing.org.example']],
    ]);
    // Hosts are normalised; the user's mapping wins a host the organisation also maps.
    expect(options.hostMap).toEqual({
      'relay.corp.example': 'hooks-team',
      'shared.example': 'stripe',
      'billing-proxy.example': 'org-billing',
    });
  });

  it('falls back to the built-ins when storage cannot be read, and never throws', async () => {
    await expect(readJudgingOptions(rejected, rejected)).resolves.toEqual({ hostMap: {}, profiles: [] });
    const onlyManaged = await readJudgingOptions(
      rejected,
      resolved({ profiles: [JSON.stringify(profile('org-billing', ['billing.org.example']))] }),
    );
    expect(onlyManaged.profiles?.map((p) => p.id)).toEqual(['org-billing']);
    const malformed = await readJudgingOptions(resolved('not settings'), resolved(undefined));
    expect(malformed).toEqual({ hostMap: {}, profiles: [] });
  });
});
