import { afterEach, describe, expect, it, vi } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import type { Diagnosis } from '../../../src/core/diagnosis.ts';
import type { Exchange } from '../../../src/core/exchange.ts';
import { KEYS_PER_RULE, MAX_FINDINGS, SessionAnalyzer } from '../../../src/core/session/session-analyzer.ts';
import { MAX_FINDING_ENTRIES } from '../../../src/core/session/with-entries.ts';
import { exchange } from './analyze-fixture.ts';

const RULES = 7;
const TOTAL = 100_000;
// Three exchanges of the same shape (n % 15 === 9: a POST success to a load host): one before
// the maps fill up, two long after.
const EARLY = 99;
const MIDDLE = 50_004;
const LAST = TOTAL - 1;

/**
 * Exchange n of a long, busy session: 40 hosts, every URL new (so signature keys keep arriving),
 * an idempotency key on every POST, low rate-limit headroom throughout, and a failing host that
 * keeps its circuit-breaker streak and its rate-limit episode open for the whole session.
 */
function nth(n: number): Exchange {
  const failing = n % 5 === 0;
  const post = n % 3 === 0;
  return exchange({
    index: n,
    method: post ? 'POST' : 'GET',
    url: failing ? `https://api.down.test/v1/jobs/${n}` : `https://api${n % 40}.load.test/v1/items/${n}`,
    atS: n * 0.05,
    status: failing ? 503 : 200,
    requestHeaders: post ? [{ name: 'Idempotency-Key', value: `key-${n}` }] : [],
    ...(post ? { requestBody: `{"n":${n}}` } : {}),
    responseHeaders: [
      { name: 'X-RateLimit-Limit', value: '1000' },
      { name: 'X-RateLimit-Remaining', value: String(n % 100) },
    ],
  });
}

const diagnoses = new Map<string, Diagnosis>();
/** Classify once per shape: the test is about the analyzer's cost, not the classifier's. */
function diagnosisOf(item: Exchange): Diagnosis | undefined {
  if (item.status < 400) return undefined;
  const key = item.method;
  const known = diagnoses.get(key);
  if (known !== undefined) return known;
  const fresh = classify(item);
  diagnoses.set(key, fresh);
  return fresh;
}

/** Map operations (get/set/delete/has) one `add` performs: the analyzer's unit of work. */
function mapOperations(analyzer: SessionAnalyzer, item: Exchange): number {
  const spies = (['get', 'set', 'delete', 'has'] as const).map((name) => vi.spyOn(Map.prototype, name));
  analyzer.add(item, diagnosisOf(item));
  const count = spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  for (const spy of spies) spy.mockRestore();
  return count;
}

afterEach(() => vi.restoreAllMocks());

describe('bounded state over a 100,000-exchange session', () => {
  it('does the same work for the 100,000th exchange as for the 100th, in bounded memory', () => {
    const analyzer = new SessionAnalyzer();
    const sizes = new Map<number, number>();
    const work = new Map<number, number>();
    for (let n = 0; n < TOTAL; n++) {
      const item = nth(n);
      if (n === EARLY || n === MIDDLE || n === LAST) work.set(n, mapOperations(analyzer, item));
      else analyzer.add(item, diagnosisOf(item));
      if (n === 20_000 || n === LAST) sizes.set(n, analyzer.stateSize());
    }
    // Once the maps are full the work per exchange is constant; compared with an early exchange it
    // differs only by the evictions (at most one per rule's map and one in the findings map).
    expect(work.get(LAST)).toBe(work.get(MIDDLE));
    expect(work.get(EARLY)).toBeGreaterThan(0);
    expect(work.get(LAST)).toBeLessThanOrEqual((work.get(EARLY) ?? 0) + RULES + 1);
    const bound = RULES * KEYS_PER_RULE + MAX_FINDINGS;
    expect(sizes.get(LAST)).toBeLessThanOrEqual(bound);
    // Saturated long before the end: the last 80,000 exchanges added no state.
    expect(sizes.get(LAST)).toBe(sizes.get(20_000));
    const findings = analyzer.findings();
    expect(findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
    for (const finding of findings) expect(finding.entries.length).toBeLessThanOrEqual(MAX_FINDING_ENTRIES);
    // The open streak and episode are still reported, anchored on their first exchange.
    const breaker = findings.find((f) => f.kind === 'circuit_breaker');
    expect(breaker?.entries[0]).toBe(0);
    expect(breaker?.entries.at(-1)).toBe(TOTAL - 5);
    expect(breaker?.message).toContain(`${TOTAL / 5} failures in a row`);
  }, 60_000);
});
