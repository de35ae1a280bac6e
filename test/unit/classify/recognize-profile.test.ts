import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import { exchangeOf } from './exchange-of.ts';

const envelope = JSON.stringify({
  error: { code: 'NOT_FOUND', message: 'gone', request_id: 'req_1', timestamp: '2026-11-22T05:00:00Z' },
});

describe('recognition order: mapping, known host, unique shape, generic', () => {
  it('maps a host:port as well as a bare hostname', () => {
    const input = exchangeOf({ status: 500, url: 'http://127.0.0.1:8080/v1/x' });
    expect(classify(input, { hostMap: { '127.0.0.1:8080': 'privo' } }).provider).toBe('privo');
    expect(classify(input, { hostMap: { '127.0.0.1': 'ranex' } }).provider).toBe('ranex');
  });

  it('matches known hosts case-insensitively', () => {
    const diagnosis = classify(
      exchangeOf({ status: 429, url: 'https://API.WithPersona.com/api/v1/inquiries' }),
    );
    expect(diagnosis.recognizedBy).toEqual({
      source: 'host',
      detail: "api.withpersona.com is Persona's API host",
    });
  });

  it('takes a known host over a body shape of another provider', () => {
    expect(
      classify(exchangeOf({ status: 404, url: 'https://api.persly.ai/v1/x', body: envelope })).provider,
    ).toBe('persly');
  });

  it('recognises the error-envelope shape anywhere', () => {
    const diagnosis = classify(exchangeOf({ status: 404, body: envelope }));
    expect(diagnosis.provider).toBe('error-envelope');
    expect(diagnosis.recognizedBy.source).toBe('body');
  });

  it('recognises Ranex by its X-Api-Key + X-Api-Secret pair, never by X-Api-Key and a {message} body', () => {
    const key = [{ name: 'X-Api-Key', value: 'k' }];
    const pair = [...key, { name: 'X-Api-Secret', value: 's' }];
    const message = '{"message":"bad"}';
    expect(classify(exchangeOf({ status: 400, requestHeaders: pair, body: message })).provider).toBe('ranex');
    // Amazon API Gateway answers an X-Api-Key request with exactly this shape (ranex.txt documents
    // the key pair, not the body, as its mark).
    expect(classify(exchangeOf({ status: 400, requestHeaders: key, body: message })).provider).toBe(
      'generic',
    );
    const gateway = classify(
      exchangeOf({
        status: 403,
        requestHeaders: key,
        body: '{"message":"Forbidden"}',
        responseHeaders: [
          { name: 'x-amzn-RequestId', value: 'a1b2' },
          { name: 'x-amzn-ErrorType', value: 'ForbiddenException' },
        ],
      }),
    );
    expect(gateway).toMatchObject({
      provider: 'aws',
      error: { code: 'ForbiddenException', requestId: 'a1b2' },
    });
  });

  it('tells Persona errors[{title,details}] from JSON:API errors[{title,detail}]', () => {
    const jsonApi = JSON.stringify({ errors: [{ title: 'Invalid', detail: 'name is required' }] });
    const diagnosis = classify(exchangeOf({ status: 422, body: jsonApi }));
    expect(diagnosis.provider).toBe('generic');
    expect(diagnosis.error?.format).toBe('jsonapi');
  });

  it('falls back to generic and says so', () => {
    const diagnosis = classify(exchangeOf({ status: 502, url: 'not a url' }));
    expect(diagnosis.provider).toBe('generic');
    expect(diagnosis.recognizedBy.source).toBe('rule');
  });
});

describe('server signals over the generic baseline', () => {
  it('Stripe-Should-Retry: false turns a retryable 5xx into no', () => {
    const diagnosis = classify(
      exchangeOf({ status: 503, responseHeaders: [{ name: 'Stripe-Should-Retry', value: 'false' }] }),
    );
    expect(diagnosis.retry).toBe('no');
    expect(diagnosis.evidence).toContainEqual({ source: 'header', detail: 'Stripe-Should-Retry: false' });
  });

  it('Stripe-Should-Retry: true makes a 409 lock timeout retryable', () => {
    const diagnosis = classify(
      exchangeOf({
        status: 409,
        method: 'POST',
        responseHeaders: [{ name: 'Stripe-Should-Retry', value: 'true' }],
      }),
    );
    expect(diagnosis).toMatchObject({ category: 'conflict', retry: 'yes' });
  });

  it('prefers Retry-After over RetryInfo and a rate-limit reset', () => {
    const body = JSON.stringify({
      error: {
        status: 'UNAVAILABLE',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '9s' }],
      },
    });
    const responseHeaders = [
      { name: 'Retry-After', value: '4' },
      { name: 'RateLimit', value: '"d";r=0;t=50' },
    ];
    expect(classify(exchangeOf({ status: 503, body, responseHeaders })).retryAfterS).toBe(4);
    expect(
      classify(exchangeOf({ status: 503, body, responseHeaders: responseHeaders.slice(1) })).retryAfterS,
    ).toBe(9);
    expect(classify(exchangeOf({ status: 429, responseHeaders: responseHeaders.slice(1) })).retryAfterS).toBe(
      50,
    );
  });

  it('does not turn a reset into a wait while the limit still has room', () => {
    const responseHeaders = [{ name: 'RateLimit', value: '"d";r=5;t=50' }];
    expect(classify(exchangeOf({ status: 429, responseHeaders })).retryAfterS).toBeUndefined();
  });
});

describe('GraphQL errors inside a 200', () => {
  const graphql = (code: string) =>
    JSON.stringify({ data: null, errors: [{ message: 'failed', extensions: { code } }] });

  it('classifies by extensions.code', () => {
    expect(
      classify(exchangeOf({ status: 200, method: 'POST', body: graphql('UNAUTHENTICATED') })),
    ).toMatchObject({
      category: 'unauthorized',
      retry: 'no',
    });
    expect(
      classify(exchangeOf({ status: 200, method: 'POST', body: graphql('RATE_LIMITED') })),
    ).toMatchObject({
      category: 'rate_limited',
      retry: 'yes',
    });
  });

  it('treats an internal error like a server failure of that method', () => {
    const diagnosis = classify(
      exchangeOf({ status: 200, method: 'POST', body: graphql('INTERNAL_SERVER_ERROR') }),
    );
    expect(diagnosis).toMatchObject({ class: 'server', category: 'server_error', retry: 'conditional' });
    expect(diagnosis.action).toMatch(/^Only if .*: resend with backoff of .*The GraphQL server failed/);
  });
});
