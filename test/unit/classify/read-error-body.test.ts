import { describe, expect, it } from 'vitest';
import { readErrorBody } from '../../../src/core/formats/index.ts';
import { loadHarExchanges } from './load-har-exchanges.ts';
import { exchangeOf } from './exchange-of.ts';

const first = (name: string, index = 0) => {
  const exchange = loadHarExchanges(name)[index];
  if (exchange === undefined) throw new Error(`${name} has no entry ${index}`);
  return readErrorBody(exchange);
};

describe('readErrorBody on HAR fixtures, one per format', () => {
  it('RFC 9457 problem+json', () => {
    expect(first('problem-json.har')).toEqual({
      format: 'problem+json',
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      message: 'Your current balance is 30, but that costs 50.',
      param: '#/amount',
      docUrl: 'https://example.com/probs/out-of-credit',
      details: [{ detail: 'must be a positive integer', pointer: '#/amount' }],
    });
  });

  it('JSON:API errors[]', () => {
    expect(first('jsonapi.har')).toMatchObject({
      format: 'jsonapi',
      code: 'invalid_attribute',
      title: 'Invalid Attribute',
      message: 'First name must contain at least two characters.',
      param: '/data/attributes/firstName',
      requestId: 'err-7d1c',
      docUrl: 'https://example.com/docs/errors/invalid_attribute',
    });
  });

  it('Google error.status with ErrorInfo, QuotaFailure, RetryInfo, RequestInfo and Help', () => {
    expect(first('google.har')).toMatchObject({
      format: 'google',
      code: 'RESOURCE_EXHAUSTED',
      type: 'RATE_LIMIT_EXCEEDED',
      quotaFailure: true,
      retryDelayS: 38,
      requestId: 'a1b2c3d4e5f6',
      docUrl: 'https://ai.google.dev/gemini-api/docs/rate-limits',
    });
  });

  it('Google BadRequest field violations point at the field', () => {
    expect(first('google.har', 1)).toMatchObject({
      code: 'INVALID_ARGUMENT',
      param: 'spreadsheet.properties.title',
    });
  });

  it('Google RetryInfo with fractional seconds', () => {
    expect(first('google.har', 2)).toMatchObject({ retryDelayS: 1.5 });
    expect(first('google.har', 2)?.quotaFailure).toBeUndefined();
  });

  it('{error:{type,code,message,param}} (OpenAI, Stripe)', () => {
    expect(first('error-object.har')).toEqual({
      format: 'error-object',
      code: 'insufficient_quota',
      type: 'insufficient_quota',
      message: 'You exceeded your current quota, please check your plan and billing details.',
    });
    expect(first('error-object.har', 1)).toMatchObject({
      code: 'card_declined',
      type: 'card_error',
      param: 'payment_method',
      docUrl: 'https://docs.stripe.com/error-codes/card-declined',
    });
  });

  it('Persly {error:{message,type,code,param}}', () => {
    expect(first('persly.har')).toMatchObject({
      format: 'error-object',
      code: 'model_not_found',
      param: 'model',
    });
  });

  it('{error:{code,message,details,request_id,timestamp}}', () => {
    expect(first('error-envelope.har')).toEqual({
      format: 'error-envelope',
      code: 'VALIDATION_ERROR',
      message: 'The delivery date must be in the future.',
      requestId: 'req_8a7b6c5d4e3f',
      details: { field: 'delivery_date' },
    });
  });

  it("Persona's errors[{title, details}]", () => {
    expect(first('persona.har', 1)).toEqual({
      format: 'persona-errors',
      title: 'Bad Request',
      message: 'data.attributes.reference-id is missing',
    });
  });

  it('GraphQL errors[] inside a 200', () => {
    expect(first('graphql.har')).toMatchObject({
      format: 'graphql',
      code: 'NOT_FOUND',
      message: "Could not resolve to a Repository with the name 'octo/nope'.",
      param: 'repository',
    });
  });

  it('{message} (Ranex)', () => {
    expect(first('ranex.har')).toEqual({ format: 'message', message: 'externalUserId is required' });
    expect(first('message.har')).toEqual({
      format: 'message',
      message: 'Thing 9 not found',
      code: 'not_found',
      requestId: 'r-77',
    });
  });

  it('OAuth {error, error_description}', () => {
    expect(first('oauth.har')).toEqual({
      format: 'oauth',
      code: 'invalid_grant',
      message: 'The refresh token has expired',
    });
  });

  it('an HTML error page gives its title and h1', () => {
    expect(first('html.har')).toEqual({ format: 'html', title: '502 Bad Gateway', message: 'Bad Gateway' });
    expect(first('ranex.har', 4)).toEqual({ format: 'html', title: '502 Bad Gateway' });
  });

  it('plain text gives its first line', () => {
    expect(first('text.har')).toEqual({
      format: 'text',
      message: 'Request Entity Too Large: the body exceeds 10 MB',
    });
  });

  it('a base64 body (HAR content.encoding) is read once decoded', () => {
    expect(first('base64.har')).toMatchObject({ format: 'error-object', code: 'invalid_api_key' });
  });

  it('a truncated JSON body is salvaged field by field', () => {
    expect(first('truncated.har')).toEqual({
      format: 'truncated-json',
      code: 'export_failed',
      message: 'Export failed after 3 partitions',
      requestId: 'req_trunc_1',
    });
  });

  it('a body cut by the capture limit is salvaged the same way', () => {
    const [exchange] = loadHarExchanges('error-envelope.har');
    if (exchange === undefined) throw new Error('fixture');
    const cut = {
      ...exchange,
      responseBody: (exchange.responseBody ?? '').slice(0, 70),
      responseBodyTruncated: true,
    };
    expect(readErrorBody(cut)).toMatchObject({ format: 'truncated-json', code: 'VALIDATION_ERROR' });
  });
});

describe('readErrorBody on hostile bodies', () => {
  it('reads nothing from an empty or unrecognised JSON body', () => {
    expect(readErrorBody(exchangeOf({ status: 500, body: '' }))).toBeUndefined();
    expect(readErrorBody(exchangeOf({ status: 500, body: '{"ok":false}' }))).toBeUndefined();
  });

  it('error-envelope without a timestamp when its code is one the doc documents', () => {
    const body = (code: string) =>
      JSON.stringify({ error: { code, message: 'slow down', request_id: 'req_9' } });
    expect(readErrorBody(exchangeOf({ status: 429, body: body('RATE_LIMIT_EXCEEDED') }))).toMatchObject({
      format: 'error-envelope',
      code: 'RATE_LIMIT_EXCEEDED',
      requestId: 'req_9',
    });
    // An undocumented code with no timestamp stays an ordinary {error:{code,message}} object.
    expect(readErrorBody(exchangeOf({ status: 429, body: body('rate_limit') }))?.format).not.toBe(
      'error-envelope',
    );
  });

  it('keeps a "__proto__" key of the details as data, never as what the copy inherits', () => {
    const body =
      '{"error":{"code":"E","message":"m","request_id":"r","timestamp":"t","details":{"__proto__":{"field":"x"}}}}';
    const details = readErrorBody(exchangeOf({ status: 422, body }))?.details as Record<string, unknown>;
    expect(Object.keys(details)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(details)).toBe(Object.prototype);
    expect(details['field']).toBeUndefined();
  });

  it('survives JSON nested 100,000 levels deep, parsed or not', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(readErrorBody(exchangeOf({ status: 500, body: deep }))).toBeUndefined();
    expect(readErrorBody(exchangeOf({ status: 500, body: '['.repeat(100_000) }))).toBeUndefined();
    const deepDetails = `{"error":{"code":"E","message":"m","request_id":"r","timestamp":"t","details":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}}`;
    const error = readErrorBody(exchangeOf({ status: 500, body: deepDetails }));
    expect(error?.format).toBe('error-envelope');
    expect(() => JSON.stringify(error)).not.toThrow();
  });

  it('does not parse a body of tens of MB but still finds its message', () => {
    const huge = `{"message":"export too large","rows":[${'1,'.repeat(10_000_000)}1]}`;
    expect(readErrorBody(exchangeOf({ status: 500, body: huge }))).toEqual({
      format: 'truncated-json',
      message: 'export too large',
    });
  });

  it('keeps problem+json by media type even without the usual members', () => {
    expect(
      readErrorBody(
        exchangeOf({ status: 403, mimeType: 'application/problem+json', body: '{"title":"Forbidden"}' }),
      ),
    ).toEqual({
      format: 'problem+json',
      title: 'Forbidden',
    });
  });

  it('recognises problem details by shape when sent as plain JSON', () => {
    const body = JSON.stringify({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No such order',
    });
    expect(readErrorBody(exchangeOf({ status: 404, body }))).toEqual({
      format: 'problem+json',
      type: 'about:blank',
      title: 'Not Found',
      message: 'No such order',
    });
  });

  it('decodes entities and drops tags in HTML titles', () => {
    const body = '<html><head><title>Error &#8211; <b>Service</b> &amp; co</title></head></html>';
    expect(readErrorBody(exchangeOf({ status: 503, mimeType: 'text/html', body }))).toEqual({
      format: 'html',
      title: 'Error – Service & co',
    });
  });

  it('cuts an overlong message so rows and tickets stay readable', () => {
    const body = JSON.stringify({ message: 'x'.repeat(5000) });
    expect(readErrorBody(exchangeOf({ status: 500, body }))?.message).toHaveLength(2001);
  });
});
