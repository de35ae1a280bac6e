import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import { isFailure } from '../../../src/core/is-failure.ts';
import { loadHarExchanges } from './load-har-exchanges.ts';
import { exchangeOf } from './exchange-of.ts';

describe('isFailure', () => {
  it('counts HTTP errors and missing responses', () => {
    expect(isFailure(exchangeOf({ status: 400 }))).toBe(true);
    expect(isFailure(exchangeOf({ status: 503 }))).toBe(true);
    expect(isFailure(exchangeOf({ status: 0 }))).toBe(true);
    expect(isFailure(exchangeOf({ status: 204 }))).toBe(false);
    expect(isFailure(exchangeOf({ status: 304 }))).toBe(false);
  });

  it('counts a 200 carrying GraphQL errors, not a clean GraphQL 200', () => {
    const [failed, ok] = loadHarExchanges('graphql.har');
    if (failed === undefined || ok === undefined) throw new Error('fixture');
    expect(isFailure(failed)).toBe(true);
    expect(isFailure(ok)).toBe(false);
  });

  it('ignores an empty errors array and non-GraphQL bodies mentioning errors', () => {
    expect(isFailure(exchangeOf({ status: 200, body: '{"data":{},"errors":[]}' }))).toBe(false);
    expect(isFailure(exchangeOf({ status: 200, body: '{"errors":["x"]}' }))).toBe(false);
    expect(isFailure(exchangeOf({ status: 200, body: '{"items":[{"name":"errors"}]}' }))).toBe(false);
  });

  it('counts a GraphQL 200 cut short after an opening errors array', () => {
    expect(isFailure(exchangeOf({ status: 200, body: '{"errors":[{"message":' }))).toBe(true);
  });

  it('counts a GraphQL 200 too large to parse when errors come first', () => {
    const huge = `{"errors":[{"message":"too complex","extensions":{"code":"BAD_USER_INPUT"}}],"data":{"rows":[${'1,'.repeat(1_000_000)}1]}}`;
    const input = exchangeOf({ status: 200, method: 'POST', body: huge });
    expect(isFailure(input)).toBe(true);
    expect(classify(input)).toMatchObject({
      category: 'bad_request',
      error: { format: 'graphql', message: 'too complex' },
    });
  });
});
