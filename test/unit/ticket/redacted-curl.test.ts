import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/core/exchange.ts';
import { redactedCurl } from '../../../src/core/ticket/index.ts';
import { shellQuote } from '../../../src/core/ticket/index.ts';

function exchange(overrides: Partial<Exchange> = {}): Exchange {
  return {
    index: 0,
    method: 'POST',
    url: 'https://ann:pw-1@api.test/v1/items?api_key=k-1&page=2',
    requestHeaders: [
      { name: ':authority', value: 'api.test' },
      { name: 'Authorization', value: 'Bearer tok-0123456789' },
      { name: 'X-Api-Secret', value: 'sec-0123456789' },
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Content-Length', value: '42' },
    ],
    requestBody: JSON.stringify({ email: 'ann@x.test', note: "it's fine" }),
    status: 500,
    statusText: '',
    responseHeaders: [],
    mimeType: 'application/json',
    startedAt: '2026-11-22T04:45:04.000Z',
    startedMs: 0,
    durationMs: 0,
    ...overrides,
  };
}

describe('redactedCurl', () => {
  it('replaces userinfo, secret query values, credential headers and body secrets', () => {
    expect(redactedCurl(exchange())).toBe(
      [
        "curl --globoff 'https://[credential-1]@api.test/v1/items?api_key=[api-key-1]&page=2'",
        "-H 'Authorization: Bearer [token-1]'",
        "-H 'X-Api-Secret: [secret-1]'",
        "-H 'Content-Type: application/json'",
        `--data-raw '{"email":"[email-1]","note":"it'\\''s fine"}'`,
      ].join(' \\\n  '),
    );
  });

  it('names the method when it is not implied', () => {
    const { requestBody: _body, ...withoutBody } = exchange({ method: 'DELETE', requestHeaders: [] });
    expect(redactedCurl(withoutBody)).toBe(
      "curl --globoff -X 'DELETE' 'https://[credential-1]@api.test/v1/items?api_key=[api-key-1]&page=2'",
    );
  });
});

describe('shellQuote', () => {
  it('single-quotes and escapes embedded quotes', () => {
    expect(shellQuote("a'b $HOME `x`")).toBe("'a'\\''b $HOME `x`'");
  });
});
