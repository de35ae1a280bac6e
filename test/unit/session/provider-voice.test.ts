import { describe, expect, it } from 'vitest';
import type { Header } from '../../../src/core/exchange.ts';
import { analyze, exchange } from './analyze-fixture.ts';
import type { ExchangeSpec } from './analyze-fixture.ts';

// Issue 13, "findings speak per provider": the advice a finding gives is the provider's documented
// mechanism, and a finding about a limit already hit does not warn about reaching it.
const h = (name: string, value: string): Header => ({ name, value });
const run = (specs: ExchangeSpec[]) => analyze(specs.map(exchange)).findings;

const RANEX_KEYS = [h('X-Api-Key', 'rk_live_fake'), h('X-Api-Secret', 'rs_live_fake')];
const post = (
  index: number,
  atS: number,
  url: string,
  status: number,
  headers: Header[] = [],
): ExchangeSpec => ({
  index,
  method: 'POST',
  url,
  atS,
  status,
  requestHeaders: headers,
  requestBody: '{"kind":"selfie"}',
  responseBody: '{"message":"unavailable"}',
});

describe('post_retry_without_idempotency_key, per provider', () => {
  it('tells Ranex users about the endpoint + payload hash Ranex documents, not an Idempotency-Key', () => {
    const url = 'https://api.ranex.example/v1/applicants/app_1/documents';
    const [finding] = run([post(0, 0, url, 503, RANEX_KEYS), post(1, 5, url, 503, RANEX_KEYS)]);
    expect(finding?.kind).toBe('post_retry_without_idempotency_key');
    expect(finding?.message).toMatch(/Ranex cannot tell this repeat/);
    expect(finding?.message).toMatch(/hash of endpoint \+ payload/);
    expect(finding?.message).not.toMatch(/Idempotency-Key/);
  });

  it('stays silent for a POST the provider documents as idempotent (Ranex POST /v1/applicants)', () => {
    const url = 'https://api.ranex.example/v1/applicants';
    expect(run([post(0, 0, url, 502, RANEX_KEYS), post(1, 5, url, 502, RANEX_KEYS)])).toEqual([]);
  });

  it('names the key header of a provider that reads one, and the standard one otherwise', () => {
    const stripe = 'https://api.stripe.com/v1/charges';
    const [stripeFinding] = run([post(0, 0, stripe, 500), post(1, 5, stripe, 500)]);
    expect(stripeFinding?.message).toMatch(
      /Stripe cannot tell .*Send the Idempotency-Key header with such requests/,
    );
    const generic = 'https://api.shop.test/v1/orders';
    const [genericFinding] = run([post(0, 0, generic, 502), post(1, 5, generic, 502)]);
    expect(genericFinding?.message).toMatch(/Send an Idempotency-Key header with such requests/);
  });
});

describe('rate_limit_headroom on a response that is already a 429', () => {
  const limited = (index: number, status: number): ExchangeSpec => ({
    index,
    url: 'https://api.shop.test/v1/items',
    atS: index * 10,
    status,
    responseHeaders: [h('X-RateLimit-Limit', '100'), h('X-RateLimit-Remaining', status === 429 ? '0' : '5')],
  });

  it('does not say "before it turns into 429s" when it already has', () => {
    const [onSuccess] = run([limited(0, 200)]);
    expect(onSuccess?.message).toMatch(/before the host starts refusing requests/);
    const [on429] = run([limited(0, 429)]);
    expect(on429?.message).toMatch(/already refusing requests/);
    expect(on429?.message).not.toMatch(/before/);
  });
});
