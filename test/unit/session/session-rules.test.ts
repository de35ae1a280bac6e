import { describe, expect, it } from 'vitest';
import type { Header } from '../../../src/core/exchange.ts';
import { SessionAnalyzer } from '../../../src/core/session/session-analyzer.ts';
import { analyze, exchange, shapes } from './analyze-fixture.ts';
import type { ExchangeSpec } from './analyze-fixture.ts';

const URL_A = 'https://api.shop.test/v1/orders';
const h = (name: string, value: string): Header => ({ name, value });
const tooMany = (
  index: number,
  atS: number | undefined,
  extra: Partial<ExchangeSpec> = {},
): ExchangeSpec => ({
  index,
  url: URL_A,
  status: 429,
  responseHeaders: [h('Retry-After', '2')],
  responseBody: '{"message":"slow down"}',
  ...(atS === undefined ? {} : { atS }),
  ...extra,
});
const run = (specs: ExchangeSpec[], analyzer?: SessionAnalyzer) => analyze(specs.map(exchange), analyzer);

describe('retry_before_wait edges', () => {
  it('tolerates a retry up to 250 ms short of the wait, not more', () => {
    // The 429 arrives at 0.1 s; Retry-After 2 s means 2.1 s.
    expect(run([tooMany(0, 0), { index: 1, url: URL_A, atS: 1.9, status: 200 }]).findings).toEqual([]);
    expect(shapes(run([tooMany(0, 0), { index: 1, url: URL_A, atS: 1.8, status: 200 }]).findings)).toEqual([
      { kind: 'retry_before_wait', entries: [0, 1] },
    ]);
  });

  it('does not treat a duplicate sent while the first was in flight as a retry', () => {
    const findings = run([tooMany(0, 0, { durationMs: 500 }), tooMany(1, 0.2)]).findings;
    expect(findings).toEqual([]);
  });

  it('stays silent without send times, unless the caller supplies a clock', () => {
    expect(run([tooMany(0, undefined), tooMany(1, undefined)]).findings).toEqual([]);
    const clock = [1_000_000, 1_000_500];
    const analyzer = new SessionAnalyzer({ now: () => clock.shift() ?? 0 });
    expect(shapes(run([tooMany(0, undefined), tooMany(1, undefined)], analyzer).findings)).toEqual([
      { kind: 'retry_before_wait', entries: [0, 1] },
    ]);
  });

  it('ends the episode at a success: a later early retry starts a new finding', () => {
    const { findings } = run([
      tooMany(0, 0),
      tooMany(1, 0.5),
      { index: 2, url: URL_A, atS: 10, status: 200 },
      tooMany(3, 20),
      tooMany(4, 20.5),
    ]);
    expect(shapes(findings)).toEqual([
      { kind: 'retry_before_wait', entries: [0, 1] },
      { kind: 'retry_before_wait', entries: [3, 4] },
    ]);
  });
});

describe('retry_without_backoff edges', () => {
  const envelope503 = (index: number, atS: number): ExchangeSpec => ({
    index,
    url: 'https://api.ledger.test/v2/accounts/acc_1',
    atS,
    status: 503,
    responseBody: JSON.stringify({
      error: {
        code: 'SERVICE_UNAVAILABLE',
        message: 'outage',
        request_id: `req_${index}`,
        timestamp: '2026-11-20T09:30:00Z',
      },
    }),
  });

  it('allows documented jitter to halve a wait, not more (error-envelope 1, 2, 4 s)', () => {
    // Each response arrives 0.1 s after its send; the first retry is due about 1 s later.
    expect(run([envelope503(0, 0), envelope503(1, 0.7)]).findings).toEqual([]);
    expect(shapes(run([envelope503(0, 0), envelope503(1, 0.45)]).findings)).toEqual([
      { kind: 'retry_without_backoff', entries: [0, 1] },
    ]);
  });

  it('says so when the attempts exceed the documented maximum', () => {
    const { findings } = run([
      envelope503(0, 0),
      envelope503(1, 0.2),
      envelope503(2, 0.4),
      envelope503(3, 0.6),
    ]);
    expect(findings[0]?.message).toContain('The doc allows at most 3 attempts.');
  });

  it('never compares waits the server dictated', () => {
    const every1s = (index: number, atS: number): ExchangeSpec => ({
      index,
      url: URL_A,
      atS,
      status: 503,
      responseHeaders: [h('Retry-After', '1')],
    });
    const { findings } = run([every1s(0, 0), every1s(1, 1.1), every1s(2, 2.2), every1s(3, 3.3)]);
    expect(findings).toEqual([]);
  });
});

describe('non_retryable_resent edges', () => {
  it('mentions the replayed error when the same idempotency key is re-sent too', () => {
    const post = (index: number, atS: number): ExchangeSpec => ({
      index,
      method: 'POST',
      url: 'https://api.withpersona.com/api/v1/accounts',
      atS,
      status: 400,
      requestHeaders: [h('Idempotency-Key', 'acct-1')],
      requestBody: '{"data":{}}',
      responseBody: '{"errors":[{"title":"Bad Request","details":"reference-id is missing"}]}',
    });
    const { findings } = run([post(0, 0), post(1, 5)]);
    expect(shapes(findings)).toEqual([{ kind: 'non_retryable_resent', entries: [0, 1] }]);
    expect(findings[0]?.message).toContain('replay the stored error');
  });
});

describe('post_retry_without_idempotency_key edges', () => {
  const payment = (index: number, atS: number, status: number, headers: Header[] = []): ExchangeSpec => ({
    index,
    method: 'POST',
    url: 'https://api.shop.test/v1/payments',
    atS,
    status,
    requestHeaders: headers,
    requestBody: '{"amount":100}',
  });

  it('is satisfied by an Idempotency-Key on the retry', () => {
    const key = [h('Idempotency-Key', 'pay-1')];
    expect(run([payment(0, 0, 502, key), payment(1, 5, 201, key)]).findings).toEqual([]);
  });

  it('does not apply to a GET, nor to a re-send after a 4xx', () => {
    const get = (index: number, atS: number, status: number): ExchangeSpec => ({
      index,
      url: URL_A,
      atS,
      status,
    });
    expect(run([get(0, 0, 503), get(1, 5, 200)]).findings).toEqual([]);
    expect(run([payment(0, 0, 409), payment(1, 5, 201)]).findings.map((f) => f.kind)).toEqual([
      'non_retryable_resent',
    ]);
  });
});

describe('idempotency_key_reused edges', () => {
  const refund = (index: number, host: string, body: string): ExchangeSpec => ({
    index,
    method: 'POST',
    url: `https://${host}/v1/refunds`,
    atS: index * 10,
    status: 201,
    requestHeaders: [h('X-Idempotency-Key', 'refund-1')],
    requestBody: body,
  });

  it('treats keys as per host', () => {
    expect(
      run([refund(0, 'api.a.test', '{"amount":1}'), refund(1, 'api.b.test', '{"amount":2}')]).findings,
    ).toEqual([]);
  });

  it('keeps one finding per key, comparing each use with the first', () => {
    const { findings, updates } = run([
      refund(0, 'api.a.test', '{"amount":1}'),
      refund(1, 'api.a.test', '{"amount":2}'),
      refund(2, 'api.a.test', '{"amount":1}'),
      refund(3, 'api.a.test', '{"amount":3}'),
    ]);
    expect(shapes(findings)).toEqual([{ kind: 'idempotency_key_reused', entries: [0, 1, 3] }]);
    expect(updates[2]).toEqual([]);
    expect(updates[3]?.[0]?.id).toBe(updates[1]?.[0]?.id);
    expect(findings[0]?.message).toContain('X-Idempotency-Key');
  });
});

describe('circuit_breaker edges', () => {
  const call = (index: number, status: number, path = `/v1/items/${index}`): ExchangeSpec => ({
    index,
    url: `https://api.shop.test${path}`,
    atS: index,
    status,
  });

  it('lets other 4xx neither count towards the streak nor break it', () => {
    const statuses = [503, 404, 500, 400, 502, 504, 422, 503];
    const { findings } = run(statuses.map((status, index) => call(index, status)));
    expect(shapes(findings)).toEqual([{ kind: 'circuit_breaker', entries: [0, 2, 4, 5, 7] }]);
    expect(run([404, 404, 404, 404, 404, 404].map((status, index) => call(index, status))).findings).toEqual(
      [],
    );
  });

  it('counts 429 and no response, and restarts after a success', () => {
    const statuses = [429, 0, 503, 429, 200, 503, 503, 503, 0, 503];
    const { findings } = run(statuses.map((status, index) => call(index, status)));
    expect(shapes(findings)).toEqual([{ kind: 'circuit_breaker', entries: [5, 6, 7, 8, 9] }]);
  });
});

describe('rate_limit_headroom edges', () => {
  const ok = (index: number, headers: Header[]): ExchangeSpec => ({
    index,
    url: URL_A,
    atS: index,
    status: 200,
    responseHeaders: headers,
  });

  it('draws the line at 15 %: exactly 15 % is fine, below is not', () => {
    const limit = (remaining: string) => [
      h('X-RateLimit-Limit', '1000'),
      h('X-RateLimit-Remaining', remaining),
    ];
    expect(run([ok(0, limit('150'))]).findings).toEqual([]);
    expect(shapes(run([ok(0, limit('149'))]).findings)).toEqual([
      { kind: 'rate_limit_headroom', entries: [0] },
    ]);
  });

  it('needs both the limit and the remaining count', () => {
    expect(run([ok(0, [h('X-RateLimit-Remaining', '1')])]).findings).toEqual([]);
  });
});
