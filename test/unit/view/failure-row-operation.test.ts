import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import type { Exchange } from '../../../src/core/exchange.ts';
import { failureRow } from '../../../src/core/view/failure-row.ts';

describe('failureRow: the GraphQL operation', () => {
  it('names the operation of a GraphQL failure inside a 200, so rows of one /graphql path differ', () => {
    const exchange: Exchange = {
      index: 4,
      method: 'POST',
      url: 'https://api.github.com/graphql',
      requestHeaders: [],
      requestBody: '{"query":"query Viewer { viewer { login } }","operationName":"Viewer"}',
      graphqlOperationName: 'Viewer',
      status: 200,
      statusText: 'OK',
      responseHeaders: [],
      responseBody: '{"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded"}]}',
      mimeType: 'application/json',
      startedAt: '2026-11-22T05:00:00.000Z',
      startedMs: Date.parse('2026-11-22T05:00:00.000Z'),
      durationMs: 80,
    };
    const row = failureRow(exchange, classify(exchange));
    expect(row).toMatchObject({
      path: '/graphql',
      operation: 'Viewer',
      provider: 'github',
      category: 'rate_limited',
    });
    const { graphqlOperationName: _dropped, ...plain } = exchange;
    expect(failureRow(plain, classify(plain)).operation).toBeUndefined();
  });
});
