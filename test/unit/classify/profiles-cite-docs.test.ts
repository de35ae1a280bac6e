import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import { PROVIDER_IDS } from '../../../src/core/diagnosis.ts';
import type { ProviderId } from '../../../src/core/diagnosis.ts';
import { GENERIC_RULES } from '../../../src/core/profiles/generic.ts';
import { profileById } from '../../../src/core/profiles/profile-by-id.ts';
import { exchangeOf } from './exchange-of.ts';

// DESIGN.md lives in ../shared next to the repository (the product's design inputs); where the
// checkout has no such sibling (a CI copy of the repository alone) the doc checks are skipped.
const SHARED = new URL('../../../../shared/', import.meta.url);
const hasDocs = existsSync(new URL('provider-docs/persona.txt', SHARED));
const squash = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();
const docText = (file: string) =>
  squash(readFileSync(new URL(file === 'DESIGN.md' ? file : `provider-docs/${file}`, SHARED), 'utf8'));

const STATUSES = [0, 400, 401, 403, 404, 408, 409, 422, 429, 500, 501, 502, 503, 504];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function actionsOf(provider: ProviderId): string[] {
  const actions = new Set<string>();
  for (const status of STATUSES)
    for (const method of METHODS)
      for (const key of [false, true])
        actions.add(
          classify(
            exchangeOf({
              status,
              method,
              url: 'https://mapped.test/v1/applicants',
              requestHeaders: key ? [{ name: 'Idempotency-Key', value: 'k' }] : [],
            }),
            { hostMap: { 'mapped.test': provider } },
          ).action,
        );
  return [...actions];
}

describe('profiles', () => {
  it('exist for every provider id with display fields and support identifiers', () => {
    for (const id of PROVIDER_IDS) {
      const profile = profileById(id);
      expect(profile.id).toBe(id);
      expect(profile.name).not.toBe('');
      expect(Array.isArray(profile.supportIdentifiers)).toBe(true);
    }
    expect(profileById('ranex').supportIdentifiers).toEqual(['externalUserId']);
    expect(profileById('persona').supportIdentifiers).toEqual([
      'reference-id',
      'referenceId',
      'reference_id',
    ]);
    expect(profileById('persona').hosts).toContain('api.withpersona.com');
    expect(profileById('persly').hosts).toContain('api.persly.ai');
  });

  it('give rule ids unique within each profile', () => {
    for (const id of PROVIDER_IDS) {
      const ids = profileById(id).rules.map((rule) => rule.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const ruleId of ids) expect(ruleId.startsWith(`${id}.`)).toBe(true);
    }
  });

  it.skipIf(!hasDocs)('cite a section heading that exists in the doc they encode', () => {
    const rules = [...GENERIC_RULES, ...PROVIDER_IDS.flatMap((id) => profileById(id).rules)];
    for (const rule of rules) {
      const text = docText(rule.doc.file);
      for (const part of rule.doc.section.split(' › '))
        expect(text, `${rule.id}: ${part}`).toContain(squash(part));
    }
  });

  it.skipIf(!hasDocs)('word their advice themselves: no eight-word run copied from the doc', () => {
    for (const id of PROVIDER_IDS) {
      const text = docText(profileById(id).docFile).replace(/[^a-z0-9% ]/g, '');
      for (const action of actionsOf(id)) {
        const words = squash(action)
          .replace(/[^a-z0-9% ]/g, '')
          .split(' ');
        for (let i = 0; i + 8 <= words.length; i++) {
          const run = words.slice(i, i + 8).join(' ');
          expect(text.includes(run), `${id}: "${run}"`).toBe(false);
        }
      }
    }
  });
});
