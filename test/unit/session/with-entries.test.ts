import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding.ts';
import { MAX_FINDING_ENTRIES, withEntries } from '../../../src/core/session/with-entries.ts';

const base: Finding = { id: 'circuit_breaker:3', kind: 'circuit_breaker', entries: [3, 7], message: 'old' };

describe('withEntries', () => {
  it('merges indexes ascending without duplicates and leaves the original untouched', () => {
    const next = withEntries(base, [7, 5, 9], 'new');
    expect(next.entries).toEqual([3, 5, 7, 9]);
    expect(next.message).toBe('new');
    expect(next.id).toBe(base.id);
    expect(base.entries).toEqual([3, 7]);
  });

  it('keeps the anchor and the most recent indexes once the cap is reached', () => {
    let finding = base;
    for (let index = 10; index < 200; index++) finding = withEntries(finding, [index], 'm');
    expect(finding.entries).toHaveLength(MAX_FINDING_ENTRIES);
    expect(finding.entries[0]).toBe(3);
    expect(finding.entries.at(-1)).toBe(199);
    expect(finding.entries[1]).toBe(200 - MAX_FINDING_ENTRIES + 1);
  });
});
