import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import type { ClassifyOptions } from '../../../src/core/classify.ts';
import type { Diagnosis } from '../../../src/core/diagnosis.ts';
import { loadHarExchanges } from './load-har-exchanges.ts';

const diagnose = (name: string, options?: ClassifyOptions): Diagnosis[] =>
  loadHarExchanges(name).map((exchange) => classify(exchange, options));

const pick = (d: Diagnosis) => ({ provider: d.provider, category: d.category, retry: d.retry });

describe('classify on captured HAR files', () => {
  it('persona: recognised by host, 429 waits Retry-After with the documented backoff', () => {
    const [rate, bad, conflict, unavailable, network] = diagnose('persona.har');
    expect(rate).toMatchObject({
      provider: 'persona',
      recognizedBy: { source: 'host' },
      category: 'rate_limited',
      retry: 'yes',
      retryAfterS: 27,
      backoffS: [5, 10, 20, 40],
      idempotency: { keySent: '7f9c2a1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b', retryKey: 'same' },
      rateLimit: { dialect: 'ratelimit-*', limit: 300, remaining: 0, resetS: 27 },
      doc: { url: 'https://docs.withpersona.com/reference/errors', section: '429 Too Many Requests' },
    });
    // One voice: the server's 27 s comes first, not the 5-10-20-40 s schedule (issue 13).
    expect(rate?.action).toMatch(/^Resend after 27 s \(Retry-After\)\./);
    expect(rate?.action).not.toMatch(/5, 10, 20, 40/);
    expect(bad).toMatchObject({ category: 'bad_request', retry: 'no', idempotency: { retryKey: 'new' } });
    expect(conflict).toMatchObject({ category: 'conflict', retry: 'no', doc: { section: '409 Conflict' } });
    expect(unavailable).toMatchObject({
      category: 'service_unavailable',
      retry: 'yes',
      idempotency: { retryKey: 'new' },
    });
    expect(network).toMatchObject({
      class: 'network',
      category: 'network_error',
      retry: 'yes',
      idempotency: { retryKey: 'same' },
    });
  });

  it('persona: recognised by body shape on an unknown host', () => {
    const [exchange] = loadHarExchanges('persona.har');
    if (exchange === undefined) throw new Error('fixture');
    const diagnosis = classify({ ...exchange, url: 'https://persona-proxy.internal/api/v1/inquiries' });
    expect(diagnosis.provider).toBe('persona');
    expect(diagnosis.recognizedBy.source).toBe('body');
  });

  it('ranex: recognised by its credential pair, not by an X-Api-Key alone', () => {
    const all = diagnose('ranex.har');
    expect(all.map(pick)).toEqual([
      { provider: 'ranex', category: 'bad_request', retry: 'no' },
      { provider: 'ranex', category: 'unprocessable', retry: 'no' },
      { provider: 'ranex', category: 'conflict', retry: 'no' },
      { provider: 'ranex', category: 'rate_limited', retry: 'yes' },
      { provider: 'ranex', category: 'bad_gateway', retry: 'yes' },
      { provider: 'ranex', category: 'service_unavailable', retry: 'conditional' },
      // X-Api-Key with a {message} body and no X-Api-Secret: Amazon API Gateway looks the same.
      { provider: 'generic', category: 'server_error', retry: 'yes' },
    ]);
    expect(all[0]?.recognizedBy.source).toBe('header');
    expect(all[2]?.action).toMatch(/never sends 409/);
    expect(all[3]?.retryAfterS).toBe(60);
    expect(all[4]).toMatchObject({ backoffS: [1, 2, 4, 8, 16], backoffCapS: 30 });
    expect(all[4]?.evidence).toContainEqual({
      source: 'rule',
      detail: 'POST /v1/applicants is idempotent on externalUserId',
    });
  });

  it('error-envelope: recognised by body shape, quotes request_id, three jittered attempts', () => {
    const [validation, rate, timeout, missing] = diagnose('error-envelope.har');
    expect(validation).toMatchObject({ provider: 'error-envelope', category: 'unprocessable', retry: 'no' });
    expect(validation?.action).toMatch(/req_8a7b6c5d4e3f/);
    expect(rate).toMatchObject({
      category: 'rate_limited',
      retry: 'yes',
      retryAfterS: 2,
      backoffS: [1, 2, 4],
      maxAttempts: 3,
      jitter: true,
      rateLimit: { dialect: 'x-ratelimit-*', limit: 100, remaining: 0, resetS: 2 },
    });
    expect(timeout).toMatchObject({ category: 'gateway_timeout', retry: 'yes' });
    expect(missing).toMatchObject({ category: 'not_found', retry: 'no' });
  });

  it('persly: recognised by host; quota and spending limit are not waited out', () => {
    const all = diagnose('persly.har');
    expect(all.map(pick)).toEqual([
      { provider: 'persly', category: 'bad_request', retry: 'no' },
      { provider: 'persly', category: 'quota_exceeded', retry: 'no' },
      { provider: 'persly', category: 'quota_exceeded', retry: 'no' },
      { provider: 'persly', category: 'server_error', retry: 'yes' },
      { provider: 'persly', category: 'unauthorized', retry: 'no' },
    ]);
    expect(all[0]?.action).toMatch(/`model`/);
  });

  it('privo: recognised only through the user mapping', () => {
    expect(diagnose('privo.har').every((d) => d.provider === 'generic')).toBe(true);
    const all = diagnose('privo.har', { hostMap: { 'api.privo.example': 'privo' } });
    expect(all.map(pick)).toEqual([
      { provider: 'privo', category: 'server_error', retry: 'yes' },
      { provider: 'privo', category: 'service_unavailable', retry: 'conditional' },
      { provider: 'privo', category: 'bad_gateway', retry: 'yes' },
      { provider: 'privo', category: 'bad_request', retry: 'no' },
    ]);
    expect(all[0]?.evidence).toContainEqual({ source: 'rule', detail: 'PRIVO rejects a duplicate `email`' });
    expect(all[0]?.action).toMatch(/Safe to repeat: PRIVO rejects a duplicate `email`/);
    expect(all[0]?.recognizedBy).toEqual({
      source: 'mapping',
      detail: 'api.privo.example is mapped to PRIVO in the settings',
    });
  });

  it('a user mapping outranks a known host', () => {
    const [first] = diagnose('persly.har', { hostMap: { 'api.persly.ai': 'generic' } });
    expect(first?.provider).toBe('generic');
  });

  it('google, openai, stripe: a quota with RetryInfo clears, insufficient_quota does not, Stripe-Should-Retry', () => {
    const [gemini, sheets, pubsub] = diagnose('google.har');
    // QuotaFailure and RetryInfo together: a per-minute quota, and the server's delay beats the
    // quota guess (issue 10), so the action names the wait and no "waiting will not help".
    expect(gemini).toMatchObject({
      provider: 'google',
      category: 'rate_limited',
      retry: 'yes',
      retryAfterS: 38,
      waitSource: 'RetryInfo',
    });
    expect(gemini?.action).toMatch(/^Resend after 38 s \(RetryInfo\)/);
    expect(gemini?.action).not.toMatch(/will not help/);
    expect(sheets).toMatchObject({ category: 'bad_request', retry: 'no' });
    expect(pubsub).toMatchObject({ category: 'rate_limited', retry: 'yes', retryAfterS: 1.5 });
    const [openai, declined, stripe500] = diagnose('error-object.har');
    expect(openai).toMatchObject({
      provider: 'openai',
      category: 'quota_exceeded',
      retry: 'no',
      rateLimit: { limit: 500, remaining: 499 },
    });
    expect(declined).toMatchObject({ category: 'client_error', retry: 'no' });
    expect(stripe500).toMatchObject({ provider: 'stripe', category: 'server_error', retry: 'yes' });
    expect(stripe500?.evidence).toContainEqual({ source: 'header', detail: 'Stripe-Should-Retry: true' });
  });

  it('a 200 with GraphQL errors is classified from its code: NOT_FOUND is not_found', () => {
    const [failed] = diagnose('graphql.har');
    expect(failed).toMatchObject({
      provider: 'github',
      category: 'not_found',
      retry: 'no',
      error: { format: 'graphql' },
    });
    expect(failed?.rateLimit).toEqual({
      dialect: 'x-ratelimit-*',
      limit: 5000,
      remaining: 4999,
      resetS: 600,
    });
  });

  it('network errors: yes for GET, conditional for POST, same key when one was sent', () => {
    expect(diagnose('network.har').map((d) => [d.category, d.retry, d.idempotency.retryKey])).toEqual([
      ['network_error', 'yes', 'none'],
      ['network_error', 'conditional', 'none'],
      ['network_error', 'yes', 'same'],
    ]);
  });

  it('structured RateLimit fields: the exhausted policy gives the wait', () => {
    const [limited, ok] = diagnose('ratelimit-structured.har');
    expect(limited).toMatchObject({ retryAfterS: 12, rateLimit: { limit: 20, remaining: 0, resetS: 12 } });
    expect(ok?.rateLimit).toMatchObject({ limit: 100, remaining: 9, resetS: 50 });
  });

  it('text, HTML, base64 and truncated bodies classify by status', () => {
    expect(diagnose('text.har')[0]).toMatchObject({
      category: 'client_error',
      retry: 'no',
      error: { format: 'text' },
    });
    expect(diagnose('html.har')[0]).toMatchObject({
      category: 'bad_gateway',
      retry: 'yes',
      error: { format: 'html' },
    });
    expect(diagnose('base64.har')[0]).toMatchObject({ category: 'unauthorized', retry: 'no' });
    expect(diagnose('truncated.har')[0]).toMatchObject({
      category: 'server_error',
      error: { requestId: 'req_trunc_1' },
    });
  });

  it('every diagnosis cites its rule and what recognised the provider', () => {
    for (const name of ['persona.har', 'ranex.har', 'error-envelope.har', 'persly.har', 'google.har'])
      for (const diagnosis of diagnose(name)) {
        expect(diagnosis.evidence[0]).toEqual(diagnosis.recognizedBy);
        expect(diagnosis.evidence.at(-1)?.source).toBe('rule');
        expect(diagnosis.action).toMatch(/^[A-Z].*\.$/);
      }
  });
});
