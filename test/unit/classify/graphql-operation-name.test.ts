import { describe, expect, it } from 'vitest';
import { exchangeFromHarEntry } from '../../../src/core/exchange-from-har-entry.ts';

const post = (text: string) =>
  exchangeFromHarEntry(
    { request: { method: 'POST', url: 'https://api.example.com/graphql', postData: { text } } },
    0,
  );

describe('Exchange.graphqlOperationName', () => {
  it('comes from the JSON body of a POST', () => {
    expect(
      post('{"query":"query GetUser { user { id } }","operationName":"GetUser"}').graphqlOperationName,
    ).toBe('GetUser');
  });

  it('comes from the query string of a GET', () => {
    const exchange = exchangeFromHarEntry(
      { request: { method: 'GET', url: 'https://x.test/graphql?query=%7Bme%7D&operationName=Me&v=1' } },
      0,
    );
    expect(exchange.graphqlOperationName).toBe('Me');
  });

  it('is absent for a null operationName, a non-GraphQL request, or a name that is not a GraphQL Name', () => {
    expect(post('{"query":"{ me }","operationName":null}').graphqlOperationName).toBeUndefined();
    expect(post('{"amount":100}').graphqlOperationName).toBeUndefined();
    expect(post('{"operationName":"rm -rf /"}').graphqlOperationName).toBeUndefined();
  });
});
