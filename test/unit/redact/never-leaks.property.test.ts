import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactJson } from '../../../src/core/redact/index.ts';
import { redactJsonText } from '../../../src/core/redact/index.ts';
import { redactText } from '../../../src/core/redact/index.ts';
import { RedactionSession } from '../../../src/core/redact/index.ts';
import { leakedFragments } from '../../fixtures/redact/leak-check.ts';
import { ALL_PLANTED, DETECTABLE, type Planted } from '../../fixtures/redact/planted-values.ts';

// Values that only mean a secret in URL positions (an OAuth `code`) are not planted in JSON.
const planted = fc.constantFrom(...ALL_PLANTED.filter((value) => value.only === undefined));
/** Words around a planted value; a space keeps the value a token of its own, as in real text. */
const word = fc.stringMatching(/^[a-z0-9 .,:;!?()-]{0,12}$/);

/** Where the planted value goes: as a whole string, or inside a sentence (detectable ones only). */
function leaf(value: Planted, before: string, after: string): [string, unknown] {
  if (value.field !== undefined) return [value.field, value.value];
  return ['note', `${before} ${value.value} ${after}`];
}

/** Random JSON with each planted value hung at a random depth under random keys. */
const document = fc
  .tuple(
    fc.jsonValue({ maxDepth: 3 }),
    fc.array(fc.tuple(planted, word, word, fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 6 })), {
      minLength: 1,
      maxLength: 5,
    }),
  )
  .map(([base, plants]) => {
    const root: Record<string, unknown> = { base };
    const placed: [Planted, Record<string, unknown>, string, unknown][] = [];
    for (const [value, before, after, path] of plants) {
      let node = root;
      for (const key of path) {
        const next: Record<string, unknown> = {};
        node[`n_${key}`] = [next];
        node = next;
      }
      const [key, content] = leaf(value, before, after);
      node[key] = content;
      placed.push([value, node, key, content]);
    }
    // A later plant on the same path replaces an earlier one (or the branch holding it); only the
    // values still in the document are checked (a replaced SSH2 key's "Comment:" was found in the
    // header a PuTTY key keeps).
    const reachable = new Set<unknown>();
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null || reachable.has(node)) return;
      reachable.add(node);
      for (const child of Object.values(node)) walk(child);
    };
    walk(root);
    const kept = placed.filter(([, node, key, content]) => reachable.has(node) && node[key] === content);
    return { root, plants: kept.map(([value]) => value) };
  });

// PROP_RUNS=N runs each property N times (a deeper search for counterexamples than CI's default).
describe('property: random JSON with planted secrets never leaks', () => {
  it('redactJson', () => {
    fc.assert(
      fc.property(document, ({ root, plants }) => {
        const out = JSON.stringify(redactJson(root, new RedactionSession()));
        for (const value of plants) expect(leakedFragments(out, value), value.id).toEqual([]);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  it('redactText on the same JSON serialized as text', () => {
    fc.assert(
      fc.property(document, ({ root, plants }) => {
        const out = redactText(JSON.stringify(root), new RedactionSession());
        for (const value of plants) expect(leakedFragments(out, value), value.id).toEqual([]);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  it('redactText in random prose', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DETECTABLE), word, word, (value, before, after) => {
        const out = redactText(`${before} ${value.value} ${after}`, new RedactionSession());
        expect(leakedFragments(out, value)).toEqual([]);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 500) },
    );
  });
});

/** Placeholder numbers depend on visiting order, which differs between the two walkers. */
function withoutNumbers(text: string): string {
  return text.replace(/\[([a-z]+(?:-[a-z]+)*)-\d+\]/g, '[$1]');
}

describe('property: the text scanner and the tree walker agree', () => {
  it('redactJsonText(JSON) parses to what redactJson gives, up to placeholder numbers', () => {
    fc.assert(
      fc.property(document, ({ root }) => {
        const text = redactJsonText(JSON.stringify(root, null, 1), new RedactionSession());
        expect(text).toBeDefined();
        const fromText = JSON.stringify(JSON.parse(text ?? 'null'));
        const fromTree = JSON.stringify(redactJson(root, new RedactionSession()));
        expect(withoutNumbers(fromText)).toBe(withoutNumbers(fromTree));
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });
});
