import { describe, expect, it, vi } from 'vitest';
import { captureEntry, NO_REASON_GIVEN } from '../../../src/platform/capture/capture-entry.ts';
import type { BodyContent } from '../../../src/platform/capture/body-content.ts';
import { exchangeFromHarEntry } from '../../../src/core/exchange-from-har-entry.ts';

/** The shape Chromium hands to onRequestFinished: a HAR entry plus a getContent method. */
function chromiumRequest(status: number, mimeType: string, extra: Record<string, unknown> = {}) {
  return {
    startedDateTime: '2026-11-22T04:00:00.000Z',
    time: 12.5,
    request: {
      method: 'POST',
      url: 'https://api.withpersona.com/api/v1/inquiries?x=1',
      headers: [{ name: 'Idempotency-Key', value: 'k-1' }],
      postData: { mimeType: 'application/json', text: '{"a":1}' },
    },
    response: {
      status,
      statusText: '',
      headers: [
        { name: 'Content-Type', value: mimeType },
        { name: 'RateLimit-Remaining', value: '3' },
      ],
      content: { size: 20, mimeType },
      ...extra,
    },
    getContent: () => undefined,
  };
}

const body = (content: BodyContent) => vi.fn(() => Promise.resolve(content));
const LIMIT = 1000;

describe('captureEntry', () => {
  it('reads the entry through a polyfill-style proxy that has no own keys (Chromium without `browser`)', async () => {
    // webextension-polyfill wraps the request as a Proxy over Object.create(request): the proxy has
    // no own keys, so JSON.stringify(proxy) is '{}', but property reads reach the real entry.
    const raw = chromiumRequest(429, 'application/json');
    const proxied = new Proxy(Object.create(raw) as object, {});
    expect(JSON.stringify(proxied)).toBe('{}');
    const entry = await captureEntry(proxied, body({ text: '{"errors":[]}' }), LIMIT);
    expect(entry.request?.url).toBe('https://api.withpersona.com/api/v1/inquiries?x=1');
    expect(entry.response?.status).toBe(429);
    expect(entry.startedDateTime).toBe('2026-11-22T04:00:00.000Z');
    expect('getContent' in entry).toBe(false);
  });

  it('keeps a failure body as text in a plain, cloneable HAR entry', async () => {
    const read = body({ text: '{"errors":[{"title":"Not found"}]}' });
    const entry = await captureEntry(chromiumRequest(404, 'application/json'), read, LIMIT);
    expect(read).toHaveBeenCalledOnce();
    expect(entry.response?.content?.text).toBe('{"errors":[{"title":"Not found"}]}');
    expect('getContent' in entry).toBe(false);
    expect(structuredClone(entry)).toEqual(entry);
    expect(entry.request?.headers).toEqual([{ name: 'Idempotency-Key', value: 'k-1' }]);
  });

  it('stores a base64 text body decoded', async () => {
    const encoded = btoa('{"message":"bad key"}');
    const entry = await captureEntry(
      chromiumRequest(401, 'application/json'),
      body({ text: encoded, encoding: 'base64' }),
      LIMIT,
    );
    expect(entry.response?.content?.text).toBe('{"message":"bad key"}');
    expect(entry.response?.content?.encoding).toBeUndefined();
  });

  it('drops the body of a plain 2xx JSON success but keeps its headers', async () => {
    const entry = await captureEntry(
      chromiumRequest(200, 'application/json'),
      body({ text: '{"data":{"ok":true}}' }),
      LIMIT,
    );
    expect(entry.response?.content?.text).toBeUndefined();
    expect(entry.response?.headers).toContainEqual({ name: 'RateLimit-Remaining', value: '3' });
  });

  it('keeps a 200 body carrying GraphQL errors', async () => {
    const graphql = '{"data":null,"errors":[{"message":"Cannot query field"}]}';
    const entry = await captureEntry(
      chromiumRequest(200, 'application/graphql-response+json'),
      body({ text: graphql }),
      LIMIT,
    );
    expect(entry.response?.content?.text).toBe(graphql);
  });

  it('does not read bodies that can never be failures', async () => {
    const read = body({ text: 'GIF89a' });
    await captureEntry(chromiumRequest(200, 'image/gif'), read, LIMIT);
    await captureEntry(chromiumRequest(304, 'application/json'), read, LIMIT);
    expect(read).not.toHaveBeenCalled();
  });

  it('captures a request with no response with its error text and without reading a body', async () => {
    const read = body({});
    const entry = await captureEntry(
      chromiumRequest(0, 'x-unknown', { _error: 'net::ERR_CONNECTION_REFUSED' }),
      read,
      LIMIT,
    );
    expect(read).not.toHaveBeenCalled();
    const exchange = exchangeFromHarEntry(entry, 7, { maxBodyChars: LIMIT });
    expect(exchange).toMatchObject({ index: 7, status: 0, networkError: 'net::ERR_CONNECTION_REFUSED' });
  });

  it('cuts a long body to the limit and the exchange still knows it was truncated', async () => {
    const long = `{"message":"${'x'.repeat(5000)}"}`;
    const entry = await captureEntry(chromiumRequest(500, 'application/json'), body({ text: long }), LIMIT);
    expect(entry.response?.content?.text).toHaveLength(LIMIT);
    const exchange = exchangeFromHarEntry(entry, 0, { maxBodyChars: LIMIT });
    expect(exchange.responseBodyTruncated).toBe(true);
    expect(exchange.responseBodySize).toBe(long.length);
  });
});

describe('captureEntry on Firefox failures', () => {
  it('names the missing reason when Firefox reports status 0 with no error text', async () => {
    // Firefox ESR 153's entry for a refused connection: status 0, no _error, a comment in content.
    const firefox = {
      startedDateTime: '2026-11-22T04:56:18.577+00:00',
      request: { method: 'GET', url: 'http://127.0.0.1:9/x', headers: [] },
      response: {
        status: 0,
        statusText: '',
        headers: [],
        content: { comment: 'Response bodies are not included.' },
      },
      time: 0,
    };
    const entry = await captureEntry(firefox, body({}), LIMIT);
    expect(exchangeFromHarEntry(entry, 0, { maxBodyChars: LIMIT }).networkError).toBe(NO_REASON_GIVEN);
  });
});

describe('captureEntry: errors inside a 2xx body', () => {
  it('keeps a 200 event stream that carries an error event, and drops one that does not', async () => {
    const failed =
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';
    const kept = await captureEntry(chromiumRequest(200, 'text/event-stream'), body({ text: failed }), LIMIT);
    expect(kept.response?.content?.text).toBe(failed);
    const fine = 'data: {"delta":"hi"}\n\ndata: [DONE]\n\n';
    const dropped = await captureEntry(
      chromiumRequest(200, 'text/event-stream'),
      body({ text: fine }),
      LIMIT,
    );
    expect(dropped.response?.content?.text).toBeUndefined();
  });

  it("keeps Slack's 200 {ok: false} body, which its profile declares a failure", async () => {
    const request = chromiumRequest(200, 'application/json');
    request.request.url = 'https://slack.com/api/chat.postMessage';
    const entry = await captureEntry(
      request,
      body({ text: '{"ok":false,"error":"channel_not_found"}' }),
      LIMIT,
    );
    expect(entry.response?.content?.text).toBe('{"ok":false,"error":"channel_not_found"}');
  });
});
