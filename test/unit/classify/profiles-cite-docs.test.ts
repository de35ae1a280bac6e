import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import { BUILT_IN_PROVIDER_IDS, registryFor, type Profile } from '../../../src/core/profiles/index.ts';
import { exchangeOf } from './exchange-of.ts';

// The five seed providers' docs live in ../shared/provider-docs next to the repository (the
// product's design inputs); where the checkout has no such sibling (a CI copy of the repository
// alone) the doc-text checks are skipped. The other built-ins cite public pages by URL.
const SHARED = new URL('../../../../shared/provider-docs/', import.meta.url);
const hasDocs = existsSync(new URL('persona.txt', SHARED));
const SEED_DOCS: Readonly<Record<string, string>> = {
  persona: 'persona.txt',
  ranex: 'ranex.txt',
  'error-envelope': 'error-envelope.txt',
  persly: 'persly.txt',
  privo: 'privo.txt',
};
const squash = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();
const docText = (file: string) => squash(readFileSync(new URL(file, SHARED), 'utf8'));

const registry = registryFor(undefined);
const profile = (id: string): Profile => {
  const found = registry.byId(id);
  if (found === undefined) throw new Error(`no profile ${id}`);
  return found;
};

const STATUSES = [0, 400, 401, 403, 404, 408, 409, 422, 429, 500, 501, 502, 503, 504];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function actionsOf(provider: string): string[] {
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

describe('built-in profiles', () => {
  it('exist for every provider id with display fields and support identifiers', () => {
    for (const id of BUILT_IN_PROVIDER_IDS) {
      expect(profile(id).id).toBe(id);
      expect(profile(id).name).not.toBe('');
    }
    expect(profile('ranex').supportIdentifiers).toEqual(['externalUserId']);
    expect(profile('persona').supportIdentifiers).toEqual(['reference-id', 'referenceId', 'reference_id']);
    expect(profile('persona').hosts).toContain('api.withpersona.com');
    expect(profile('persly').hosts).toContain('api.persly.ai');
  });

  it('give rule ids unique within each profile, prefixed with the provider', () => {
    for (const id of BUILT_IN_PROVIDER_IDS) {
      const ids = profile(id).rules.map((rule) => rule.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const ruleId of ids) expect(ruleId.startsWith(`${id}.`)).toBe(true);
    }
  });

  it('cite a public page (https) or a readable title for every rule, never an internal file', () => {
    for (const id of BUILT_IN_PROVIDER_IDS)
      for (const rule of profile(id).rules) {
        expect(rule.doc.section.trim(), rule.id).not.toBe('');
        expect(`${rule.doc.title} ${rule.doc.url ?? ''}`, rule.id).not.toMatch(/\.txt\b|DESIGN\.md/);
        if (!Object.hasOwn(SEED_DOCS, id))
          expect(rule.doc.url, `${rule.id} names no URL`).toMatch(/^https:\/\//);
      }
  });

  it.skipIf(!hasDocs)(
    'of the seed providers cite a section heading that exists in the doc they encode',
    () => {
      for (const [id, file] of Object.entries(SEED_DOCS)) {
        const text = docText(file);
        for (const rule of profile(id).rules)
          for (const part of rule.doc.section.split(' › '))
            expect(text, `${rule.id}: ${part}`).toContain(squash(part));
      }
    },
  );

  it.skipIf(!hasDocs)('word their advice themselves: no eight-word run copied from the doc', () => {
    for (const [id, file] of Object.entries(SEED_DOCS)) {
      const text = docText(file).replace(/[^a-z0-9% ]/g, '');
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
