import { describe, expect, it } from 'vitest';
import { analyzeFixture, shapes } from './analyze-fixture.ts';

describe('retry_before_wait', () => {
  it('reports retries sent inside Retry-After as one finding that grows', () => {
    const { findings, updates } = analyzeFixture('retry-before-wait.har');
    expect(shapes(findings)).toEqual([{ kind: 'retry_before_wait', entries: [0, 1, 2] }]);
    expect(updates[0]).toEqual([]);
    expect(updates[1]?.map((f) => f.id)).toEqual(['retry_before_wait:0']);
    expect(updates[2]?.map((f) => f.id)).toEqual(['retry_before_wait:0']);
    expect(updates[1]?.[0]?.entries).toEqual([0, 1]);
    expect(findings[0]?.message).toMatch(/1\.89 s after HTTP 429.*28 s \(Retry-After\)/);
    expect(findings[0]?.doc?.title).toMatch(/^RFC /);
  });

  it('reads the wait from an exhausted RateLimit field when there is no Retry-After', () => {
    const { findings } = analyzeFixture('retry-before-wait-ratelimit.har');
    const early = findings.find((f) => f.kind === 'retry_before_wait');
    expect(early?.entries).toEqual([0, 1]);
    expect(early?.message).toContain('25 s (RateLimit reset)');
    expect(early?.doc).toMatchObject({
      url: 'https://docs.withpersona.com/reference/errors',
      section: '429 Too Many Requests',
    });
    expect(shapes(findings).map((f) => f.kind)).toEqual(['rate_limit_headroom', 'retry_before_wait']);
  });

  it("reads the wait from Google's RetryInfo in the body", () => {
    const { findings } = analyzeFixture('retry-before-wait-retryinfo.har');
    expect(shapes(findings)).toEqual([{ kind: 'retry_before_wait', entries: [0, 1] }]);
    expect(findings[0]?.message).toContain('17 s (RetryInfo)');
  });
});

describe('retry_without_backoff', () => {
  it('reports retries whose waits stay flat', () => {
    const { findings, updates } = analyzeFixture('retry-without-backoff.har');
    expect(shapes(findings)).toEqual([{ kind: 'retry_without_backoff', entries: [0, 1, 2, 3, 4] }]);
    // The first retry alone shows no trend; the third attempt is the first that can.
    expect(updates[1]).toEqual([]);
    expect(updates[2]?.[0]?.entries).toEqual([0, 1, 2]);
    // The generic default schedule (1, 2, 4, 8, 16 s) is what a flat 1 s falls short of first.
    expect(findings[0]?.message).toMatch(
      /retry 4 went out 1 s after .*Generic HTTP API schedule \(1, 2, 4, 8, 16 s, with jitter\) asks for about 8 s/,
    );
  });

  it("reports growing retries that stay under the provider's documented schedule", () => {
    const { findings, updates } = analyzeFixture('retry-faster-than-schedule.har');
    expect(shapes(findings)).toEqual([{ kind: 'retry_without_backoff', entries: [0, 1, 2, 3, 4] }]);
    expect(updates[1]?.[0]?.message).toMatch(
      /retry 1 went out 1 s after.*Persona schedule \(5, 10, 20, 40 s\) asks for about 5 s/,
    );
    expect(findings[0]?.doc).toMatchObject({
      url: 'https://docs.withpersona.com/reference/errors',
      section: 'Server errors',
    });
  });
});

describe('non_retryable_resent', () => {
  it('reports a 400 re-sent with the same URL, body and credentials', () => {
    const { findings } = analyzeFixture('non-retryable-resent.har');
    expect(shapes(findings)).toEqual([{ kind: 'non_retryable_resent', entries: [0, 1, 2] }]);
    expect(findings[0]?.message).toContain('after HTTP 400');
    expect(findings[0]?.doc?.url).toBe('https://developers.persly.ai/docs/errors');
  });
});

describe('post_retry_without_idempotency_key', () => {
  it('reports a POST after a 502 and a PATCH after a network failure, each re-sent without a key', () => {
    const { findings } = analyzeFixture('post-retry-without-idempotency-key.har');
    expect(shapes(findings)).toEqual([
      { kind: 'post_retry_without_idempotency_key', entries: [0, 1] },
      { kind: 'post_retry_without_idempotency_key', entries: [2, 3] },
    ]);
    expect(findings[0]?.message).toMatch(/^POST api\.shop\.test\/v1\/payments .*after HTTP 502/);
    expect(findings[1]?.message).toMatch(/^PATCH .*after a network failure/);
  });
});

describe('idempotency_key_reused', () => {
  it('reports one key sent with two different payloads and predicts the 422', () => {
    const { findings } = analyzeFixture('idempotency-key-reused.har');
    expect(shapes(findings)).toEqual([{ kind: 'idempotency_key_reused', entries: [0, 1] }]);
    expect(findings[0]?.message).toContain('422');
    expect(findings[0]?.doc).toMatchObject({ section: 'Error Scenarios' });
  });
});

describe('circuit_breaker', () => {
  it('reports once per streak, at the fifth host failure, and counts requests sent during the pause', () => {
    const { findings, updates } = analyzeFixture('circuit-breaker.har');
    // Index 2 is another host; 7 is a success sent within the 30 s pause, which ends the streak;
    // 8 and 9 start a new streak of two that stays below the threshold.
    expect(shapes(findings)).toEqual([{ kind: 'circuit_breaker', entries: [0, 1, 3, 4, 5, 6, 7] }]);
    expect(updates.slice(0, 5).flat()).toEqual([]);
    expect(updates[5]?.[0]?.entries).toEqual([0, 1, 3, 4, 5]);
    expect(updates[5]?.[0]?.message).not.toContain('within those 30 s');
    expect(updates[8]).toEqual([]);
    expect(updates[9]).toEqual([]);
    expect(findings[0]?.message).toContain('6 failures in a row from api.ledger.test');
    expect(findings[0]?.message).toContain('Yet 2 more requests went to it within those 30 s');
    expect(findings[0]?.doc).toMatchObject({
      title: 'Error-envelope API reference › Error handling',
      section: 'Circuit Breaker Pattern',
    });
  });
});

describe('rate_limit_headroom', () => {
  it('reports successes under 15 % once per episode, and a new episode after a recovery', () => {
    const { findings, updates } = analyzeFixture('rate-limit-headroom.har');
    expect(shapes(findings)).toEqual([
      { kind: 'rate_limit_headroom', entries: [2, 3] },
      { kind: 'rate_limit_headroom', entries: [5] },
    ]);
    expect(updates[1]).toEqual([]);
    expect(updates[4]).toEqual([]);
    expect(findings[0]?.message).toContain('700 of 5000 requests left (14 %');
    expect(findings[0]?.doc).toMatchObject({
      url: 'https://docs.withpersona.com/reference/errors',
      section: '429 Too Many Requests',
    });
  });

  it('reads every header dialect', () => {
    const { findings } = analyzeFixture('rate-limit-headroom-dialects.har');
    expect(findings.map((f) => f.message.split(' ')[0])).toEqual([
      'api.withpersona.com',
      'api.draft.test',
      'api.llm.test',
      'api.draft07.test',
    ]);
    expect(findings.map((f) => f.message.match(/(\d+) of (\d+)/)?.[0])).toEqual([
      '30 of 300',
      '5 of 100',
      '20 of 500',
      '10 of 100',
    ]);
  });
});
