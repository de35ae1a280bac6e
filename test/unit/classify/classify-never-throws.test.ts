import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import { CATEGORIES } from '../../../src/core/diagnosis.ts';
import { BUILT_IN_PROVIDER_IDS as PROVIDER_IDS } from '../../../src/core/profiles/index.ts';
import type { Exchange } from '../../../src/core/exchange.ts';
import { isFailure } from '../../../src/core/is-failure.ts';
import { exchangeOf } from './exchange-of.ts';

const headerName = fc.constantFrom(
  'Retry-After',
  'Date',
  'RateLimit',
  'RateLimit-Policy',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Stripe-Should-Retry',
  'Idempotency-Key',
  'X-Api-Key',
  'X-Api-Secret',
  'Content-Type',
);
const header = fc.record({
  name: fc.oneof(headerName, fc.string()),
  value: fc.oneof(fc.string(), fc.integer().map(String)),
});

// Bodies that look like each format, then mangled: truncated, nested, wrong types.
const shaped = fc.oneof(
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify({ error: value })),
  fc.jsonValue().map((value) => JSON.stringify({ errors: [value, value] })),
  fc
    .jsonValue()
    .map((value) => JSON.stringify({ error: { status: 'RESOURCE_EXHAUSTED', details: [value] } })),
  fc.jsonValue().map((value) => JSON.stringify({ message: value, code: value })),
  fc.nat({ max: 200_000 }).map((depth) => '['.repeat(depth)),
  fc.nat({ max: 200_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.string().map((text) => `<html><title>${text}</title><h1>${text}`),
  fc.string(),
);
const body = fc.oneof(
  shaped,
  shaped.chain((text) => fc.nat({ max: text.length }).map((cut) => text.slice(0, cut))),
);

const exchange = fc
  .record({
    status: fc.oneof(
      fc.constantFrom(0, 200, 400, 401, 403, 404, 408, 409, 422, 429, 500, 501, 502, 503, 504),
      fc.integer(),
    ),
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'), fc.string()),
    url: fc.oneof(
      fc.constantFrom(
        'https://api.withpersona.com/api/v1/x',
        'https://api.persly.ai/v1/y',
        'https://h.test/v1/applicants',
      ),
      fc.webUrl(),
      fc.string(),
    ),
    body: fc.option(body, { nil: undefined }),
    mimeType: fc.oneof(
      fc.constantFrom('application/json', 'application/problem+json', 'text/html'),
      fc.string(),
    ),
    requestHeaders: fc.array(header, { maxLength: 6 }),
    responseHeaders: fc.array(header, { maxLength: 8 }),
    requestBody: fc.option(fc.string(), { nil: undefined }),
  })
  .map((spec): Exchange => exchangeOf(spec));

describe('classify never throws', () => {
  it('returns a well-formed Diagnosis for arbitrary statuses, methods, headers and bodies', () => {
    fc.assert(
      fc.property(exchange, fc.constantFrom(...PROVIDER_IDS), (input, mapped) => {
        const diagnosis = classify(input, { hostMap: { 'h.test': mapped } });
        expect(PROVIDER_IDS).toContain(diagnosis.provider);
        expect(CATEGORIES).toContain(diagnosis.category);
        expect(['yes', 'no', 'conditional']).toContain(diagnosis.retry);
        expect(diagnosis.action.length).toBeGreaterThan(0);
        if (diagnosis.retry === 'no') expect(diagnosis.backoffS).toEqual([]);
        if (diagnosis.retryAfterS !== undefined) expect(diagnosis.retryAfterS).toBeGreaterThanOrEqual(0);
        // What a Diagnosis carries must be safe for any consumer to serialise.
        expect(() => JSON.stringify(diagnosis)).not.toThrow();
        expect(typeof isFailure(input)).toBe('boolean');
      }),
      { numRuns: 400 },
    );
  });

  it('handles the deepest bodies the issue names', () => {
    for (const text of [
      '['.repeat(100_000),
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{"errors":'.repeat(100_000),
    ]) {
      const input = exchangeOf({ status: 200, method: 'POST', body: text });
      expect(isFailure(input)).toBe(false);
      expect(classify(input).category).toBe('client_error');
      expect(classify({ ...input, status: 500 }).category).toBe('server_error');
    }
  });

  it('ignores a host mapping to an unknown profile id from stale storage', () => {
    const hostMap = JSON.parse('{"api.example.com":"acme"}') as Record<string, 'generic'>;
    expect(classify(exchangeOf({ status: 500 }), { hostMap }).provider).toBe('generic');
  });
});
