import { describe, expect, it } from 'vitest';
import { SessionAnalyzer } from '../../../src/core/session/session-analyzer.ts';
import { analyze, exchange, loadExchanges } from './analyze-fixture.ts';
import type { ExchangeSpec } from './analyze-fixture.ts';

describe('SessionAnalyzer', () => {
  it('returns each update as a new object with the same id, leaving the earlier one untouched', () => {
    const { updates, findings } = analyze(loadExchanges('retry-before-wait.har'));
    const first = updates[1]?.[0];
    const second = updates[2]?.[0];
    expect(first?.id).toBe('retry_before_wait:0');
    expect(second?.id).toBe(first?.id);
    expect(second).not.toBe(first);
    expect(first?.entries).toEqual([0, 1]);
    expect(findings).toEqual([second]);
  });

  it('orders findings by the first exchange they concern, not by when they were found', () => {
    const down = (index: number): ExchangeSpec => ({
      index,
      url: `https://api.down.test/v1/${index}`,
      atS: index,
      status: 503,
    });
    const refund = (index: number, amount: number): ExchangeSpec => ({
      index,
      method: 'POST',
      url: 'https://api.shop.test/v1/refunds',
      atS: index,
      status: 201,
      requestHeaders: [{ name: 'Idempotency-Key', value: 'refund-1' }],
      requestBody: JSON.stringify({ amount }),
    });
    const specs = [down(0), refund(1, 10), down(2), refund(3, 20), down(4), down(5), down(6)];
    const { updates, findings } = analyze(specs.map(exchange));
    expect(updates[3]?.map((f) => f.kind)).toEqual(['idempotency_key_reused']);
    expect(updates[6]?.map((f) => f.kind)).toEqual(['circuit_breaker']);
    expect(findings.map((f) => [f.kind, f.entries[0]])).toEqual([
      ['circuit_breaker', 0],
      ['idempotency_key_reused', 1],
    ]);
  });

  it('gives every finding of a session a distinct id', () => {
    const exchanges = ['rate-limit-headroom.har', 'post-retry-without-idempotency-key.har'].flatMap(
      (file, f) => loadExchanges(file).map((exchange) => ({ ...exchange, index: f * 100 + exchange.index })),
    );
    const ids = analyze(exchanges).findings.map((f) => f.id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it('forgets everything on reset', () => {
    const analyzer = new SessionAnalyzer();
    const exchanges = loadExchanges('retry-before-wait.har');
    analyze(exchanges.slice(0, 1), analyzer);
    analyzer.reset();
    expect(analyzer.stateSize()).toBe(0);
    // The first 429 is forgotten, so the second attempt is not an early retry of anything.
    expect(analyze(exchanges.slice(1, 2), analyzer).findings).toEqual([]);
    expect(analyzer.findings()).toEqual([]);
  });
});
