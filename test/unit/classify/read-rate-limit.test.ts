import { describe, expect, it } from 'vitest';
import type { Header } from '../../../src/core/exchange.ts';
import { readRateLimit, readShouldRetry } from '../../../src/core/rate-limit/index.ts';

const date = { name: 'Date', value: 'Sun, 22 Nov 2026 05:00:00 GMT' };
const dateS = Date.parse(date.value) / 1000;
const h = (name: string, value: string): Header => ({ name, value });

describe('readRateLimit: structured fields (draft-ietf-httpapi-ratelimit-headers)', () => {
  it('reads the current list syntax with its policy', () => {
    const info = readRateLimit([
      h('RateLimit', '"default";r=12;t=30'),
      h('RateLimit-Policy', '"default";q=100;w=60'),
    ]);
    expect(info).toEqual({
      dialect: 'ratelimit',
      limit: 100,
      remaining: 12,
      resetS: 30,
      policy: '"default";q=100;w=60',
    });
  });

  it('picks the policy closest to exhaustion when several apply', () => {
    const info = readRateLimit([
      h('RateLimit', '"minute";r=40;t=10, "day";r=3;t=3600'),
      h('RateLimit-Policy', '"minute";q=50;w=60, "day";q=1000;w=86400'),
    ]);
    expect(info).toMatchObject({ limit: 1000, remaining: 3, resetS: 3600 });
  });

  it('reads the draft -07 dictionary syntax', () => {
    const info = readRateLimit([
      h('RateLimit', 'limit=100, remaining=50, reset=30'),
      h('RateLimit-Policy', '100;w=60'),
    ]);
    expect(info).toEqual({ dialect: 'ratelimit', limit: 100, remaining: 50, resetS: 30, policy: '100;w=60' });
  });

  it('reads a policy on its own', () => {
    expect(readRateLimit([h('RateLimit-Policy', '"default";q=500;w=60')])).toMatchObject({ limit: 500 });
  });

  it('ignores a malformed structured field and falls back to other dialects', () => {
    const info = readRateLimit([h('RateLimit', '"unterminated'), h('X-RateLimit-Remaining', '7')]);
    expect(info).toEqual({ dialect: 'x-ratelimit-*', remaining: 7 });
  });
});

describe('readRateLimit: RateLimit-Limit/Remaining/Reset', () => {
  it('reads the separate headers Persona sends', () => {
    const info = readRateLimit([
      h('RateLimit-Limit', '300'),
      h('RateLimit-Remaining', '20'),
      h('RateLimit-Reset', '41'),
    ]);
    expect(info).toEqual({ dialect: 'ratelimit-*', limit: 300, remaining: 20, resetS: 41 });
  });

  it('takes the leading number of a quota-policy list', () => {
    expect(readRateLimit([h('RateLimit-Limit', '100, 100;w=60, 1000;w=3600')])).toMatchObject({ limit: 100 });
  });
});

describe('readRateLimit: X-RateLimit-* reset units', () => {
  const xr = (reset: string, withDate = true): number | undefined =>
    readRateLimit([...(withDate ? [date] : []), h('X-RateLimit-Limit', '60'), h('X-RateLimit-Reset', reset)])
      ?.resetS;

  it('reads delta seconds', () => expect(xr('45')).toBe(45));
  it('reads epoch seconds relative to Date', () => expect(xr(String(dateS + 90))).toBe(90));
  it('reads epoch milliseconds relative to Date', () => expect(xr(String((dateS + 12) * 1000))).toBe(12));
  it('gives 0 for an epoch already past', () => expect(xr(String(dateS - 10))).toBe(0));
  it('keeps delta seconds without a Date header', () => expect(xr('45', false)).toBe(45));
  it('does not guess an epoch without a Date header', () =>
    expect(xr(String(dateS + 90), false)).toBeUndefined());

  it('reads limit and remaining', () => {
    expect(readRateLimit([h('x-ratelimit-limit', '5000'), h('x-ratelimit-remaining', '0')])).toEqual({
      dialect: 'x-ratelimit-*',
      limit: 5000,
      remaining: 0,
    });
  });

  it('reads the per-request counters of token-metered APIs', () => {
    const info = readRateLimit([
      h('x-ratelimit-limit-requests', '500'),
      h('x-ratelimit-remaining-requests', '499'),
    ]);
    expect(info).toMatchObject({ limit: 500, remaining: 499 });
  });

  it('reads the Go-style durations of token-metered APIs', () => {
    expect(
      readRateLimit([h('x-ratelimit-limit-requests', '60'), h('x-ratelimit-reset-requests', '6m0s')])?.resetS,
    ).toBe(360);
    expect(
      readRateLimit([h('x-ratelimit-limit-requests', '60'), h('x-ratelimit-reset-requests', '20ms')])?.resetS,
    ).toBe(1);
  });

  it('reads an HTTP-date reset relative to Date', () => expect(xr('Sun, 22 Nov 2026 05:01:00 GMT')).toBe(60));

  it('returns undefined with no rate-limit header', () => {
    expect(readRateLimit([date, h('Content-Type', 'application/json')])).toBeUndefined();
  });
});

describe('readShouldRetry', () => {
  const names = ['x-should-retry', 'Stripe-Should-Retry'];
  it('reads the first true/false answer among the named headers, without case', () => {
    expect(readShouldRetry([h('Stripe-Should-Retry', 'true')], names)).toEqual({
      header: 'Stripe-Should-Retry',
      retry: true,
    });
    expect(readShouldRetry([h('stripe-should-retry', 'FALSE')], names)).toEqual({
      header: 'Stripe-Should-Retry',
      retry: false,
    });
    expect(readShouldRetry([h('X-Should-Retry', 'false')], names)).toEqual({
      header: 'x-should-retry',
      retry: false,
    });
    expect(readShouldRetry([h('stripe-should-retry', 'maybe')], names)).toBeUndefined();
    expect(readShouldRetry([h('stripe-should-retry', 'true')], ['x-should-retry'])).toBeUndefined();
    expect(readShouldRetry([], names)).toBeUndefined();
  });
});

describe('readRateLimit: counters beside the request counter (tokens)', () => {
  it('takes the OpenAI token counter when it is the one at zero, its duration reset as the wait', () => {
    const info = readRateLimit([
      date,
      h('x-ratelimit-limit-requests', '500'),
      h('x-ratelimit-remaining-requests', '499'),
      h('x-ratelimit-reset-requests', '120ms'),
      h('x-ratelimit-limit-tokens', '30000'),
      h('x-ratelimit-remaining-tokens', '0'),
      h('x-ratelimit-reset-tokens', '6m0s'),
    ]);
    expect(info).toEqual({ dialect: 'x-ratelimit-*-tokens', limit: 30000, remaining: 0, resetS: 360 });
  });

  it('keeps the request counter when it binds, and the tighter headroom when none is at zero', () => {
    expect(
      readRateLimit([
        h('x-ratelimit-limit-requests', '500'),
        h('x-ratelimit-remaining-requests', '0'),
        h('x-ratelimit-reset-requests', '2s'),
        h('x-ratelimit-limit-tokens', '30000'),
        h('x-ratelimit-remaining-tokens', '12000'),
        h('x-ratelimit-reset-tokens', '1m0s'),
      ]),
    ).toMatchObject({ dialect: 'x-ratelimit-*', remaining: 0, resetS: 2 });
    expect(
      readRateLimit([
        h('x-ratelimit-limit-requests', '500'),
        h('x-ratelimit-remaining-requests', '400'),
        h('x-ratelimit-limit-tokens', '30000'),
        h('x-ratelimit-remaining-tokens', '900'),
      ]),
    ).toMatchObject({ dialect: 'x-ratelimit-*-tokens', remaining: 900 });
  });

  it('reads Anthropic’s per-limit headers, the RFC 3339 reset relative to Date, the latest exhausted one first', () => {
    const info = readRateLimit([
      date,
      h('anthropic-ratelimit-requests-limit', '50'),
      h('anthropic-ratelimit-requests-remaining', '49'),
      h('anthropic-ratelimit-requests-reset', '2026-11-22T05:00:01Z'),
      h('anthropic-ratelimit-input-tokens-limit', '40000'),
      h('anthropic-ratelimit-input-tokens-remaining', '0'),
      h('anthropic-ratelimit-input-tokens-reset', '2026-11-22T05:00:20Z'),
      h('anthropic-ratelimit-output-tokens-limit', '8000'),
      h('anthropic-ratelimit-output-tokens-remaining', '0'),
      h('anthropic-ratelimit-output-tokens-reset', '2026-11-22T05:00:45Z'),
    ]);
    expect(info).toEqual({
      dialect: 'anthropic-ratelimit-output-tokens-*',
      limit: 8000,
      remaining: 0,
      resetS: 45,
    });
  });
});

describe('readRateLimit: Shopify REST call limit', () => {
  it('reads calls in the bucket over its size as headroom, with no reset', () => {
    expect(readRateLimit([h('X-Shopify-Shop-Api-Call-Limit', '32/40')])).toEqual({
      dialect: 'x-shopify-shop-api-call-limit',
      limit: 40,
      remaining: 8,
    });
    expect(readRateLimit([h('X-Shopify-Shop-Api-Call-Limit', '40/40')])).toMatchObject({ remaining: 0 });
    expect(readRateLimit([h('X-Shopify-Shop-Api-Call-Limit', 'forty')])).toBeUndefined();
  });
});
