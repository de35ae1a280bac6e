import { describe, expect, it, vi } from 'vitest';
import {
  NO_REASON_GIVEN,
  captureEntry as capture,
  contentFromCallback,
  contentFromPromise,
  contentReader,
  readRequestContent,
  type BodyContent,
  type ContentSource,
} from '../../../src/platform/capture/index.ts';
import { exchangeFromHarEntry } from '../../../src/core/exchange-from-har-entry.ts';
import { loadProfile } from '../../../src/core/profiles/index.ts';

/** The HAR entry of a capture (most cases here look at the entry). */
const captureEntry = async (...args: Parameters<typeof capture>) => (await capture(...args)).entry;

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

  it('drops the body of a plain 2xx JSON success, unread, but keeps its headers', async () => {
    const read = body({ text: '{"data":{"ok":true}}' });
    const entry = await captureEntry(chromiumRequest(200, 'application/json'), read, LIMIT);
    expect(read).not.toHaveBeenCalled();
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

describe('captureEntry says whether the entry failed', () => {
  it('marks failures and successes for the devtools page buffer', async () => {
    const read = body({ text: '{"data":null,"errors":[{"message":"x"}]}' });
    const graphql = chromiumRequest(200, 'application/json');
    graphql.request.postData.text = '{"query":"{ viewer { id } }"}';
    expect((await capture(chromiumRequest(503, 'application/json'), body({}), LIMIT)).failed).toBe(true);
    expect((await capture(graphql, read, LIMIT)).failed).toBe(true);
    expect((await capture(chromiumRequest(204, 'text/plain'), body({}), LIMIT)).failed).toBe(false);
  });
});

describe('contentReader', () => {
  it('reads through getContent where the request has one (Chromium getHAR entries: on the prototype)', async () => {
    const proto = { getContent: (cb: (c: string, e: string) => void) => cb('{"a":1}', '') };
    const { getContent: _own, ...fields } = chromiumRequest(500, 'application/json');
    const entry = Object.assign(Object.create(proto) as object, fields);
    await expect(contentReader(entry)()).resolves.toEqual({ text: '{"a":1}' });
  });

  it('uses the body a Firefox getHAR entry carries inline', async () => {
    const firefox = {
      request: { method: 'GET', url: 'https://a.test/' },
      response: {
        status: 500,
        content: { mimeType: 'application/json', text: 'eyJhIjoxfQ==', encoding: 'base64' },
      },
    };
    await expect(contentReader(firefox)()).resolves.toEqual({ text: 'eyJhIjoxfQ==', encoding: 'base64' });
    const entry = await captureEntry(firefox, contentReader(firefox), LIMIT);
    expect(entry.response?.content?.text).toBe('{"a":1}');
  });
});

describe('readRequestContent', () => {
  it('uses the callback when the browser only calls back (older Chromium)', async () => {
    const request: ContentSource = {
      getContent(callback) {
        queueMicrotask(() => callback?.('{"a":1}', ''));
        return undefined;
      },
    };
    await expect(readRequestContent(request)).resolves.toEqual({ text: '{"a":1}' });
  });

  it('uses the returned promise when the callback is ignored (Firefox)', async () => {
    const request: ContentSource = { getContent: () => Promise.resolve(['{"e":1}', 'application/json']) };
    await expect(readRequestContent(request)).resolves.toEqual({ text: '{"e":1}' });
  });

  it('retries promise-style, with no argument at all, when passing a callback throws (webextension-polyfill)', async () => {
    // The polyfill counts arguments (maxArgs 0 for getContent): an explicit undefined is one too.
    // It resolves a two-argument callback as an array, Chromium's (content, encoding).
    const request: ContentSource = {
      getContent(...args: unknown[]) {
        if (args.length > 0)
          throw new Error(`Expected at most 0 arguments for getContent(), got ${args.length}`);
        return Promise.resolve(['x', '']);
      },
    };
    await expect(readRequestContent(request)).resolves.toEqual({ text: 'x' });
  });

  it('settles once even when both paths answer', async () => {
    const request: ContentSource = {
      getContent(callback) {
        callback?.('first', '');
        return Promise.resolve(['second', 'text/plain']);
      },
    };
    await expect(readRequestContent(request)).resolves.toEqual({ text: 'first' });
  });

  it('gives up with no body when nothing answers and when the promise rejects', async () => {
    await expect(readRequestContent({ getContent: () => undefined }, 1)).resolves.toEqual({});
    await expect(
      readRequestContent({ getContent: () => Promise.reject(new Error('gone')) }),
    ).resolves.toEqual({});
  });
});

describe('getContent result shapes', () => {
  it('reads Chromium promise form {content, encoding}', () => {
    expect(contentFromPromise({ content: 'eyJhIjoxfQ==', encoding: 'base64' })).toEqual({
      text: 'eyJhIjoxfQ==',
      encoding: 'base64',
    });
    expect(contentFromPromise({ content: '{"a":1}', encoding: '' })).toEqual({ text: '{"a":1}' });
  });

  it('reads Chromium callback form (content, encoding)', () => {
    expect(contentFromCallback(['{"a":1}', ''])).toEqual({ text: '{"a":1}' });
    expect(contentFromCallback(['AAEC', 'base64'])).toEqual({ text: 'AAEC', encoding: 'base64' });
  });

  it('reads Firefox [content, mimeType] without mistaking the MIME type for an encoding', () => {
    expect(contentFromPromise(['{"error":"x"}', 'application/json'])).toEqual({ text: '{"error":"x"}' });
  });

  it('treats a single callback argument like a promise value', () => {
    expect(contentFromCallback([['body', 'text/plain']])).toEqual({ text: 'body' });
    expect(contentFromCallback([{ content: 'b', encoding: 'base64' }])).toEqual({
      text: 'b',
      encoding: 'base64',
    });
  });

  it('yields no text for null or missing content', () => {
    expect(contentFromPromise(null)).toEqual({});
    expect(contentFromPromise({ content: null, encoding: null })).toEqual({});
    expect(contentFromCallback([null, null])).toEqual({});
  });
});

describe('captureEntry reads a 2xx body only where a failure can hide', () => {
  /** A request as onRequestFinished hands it out, whose getContent the test counts. */
  function finished(
    request: { method: string; url: string; headers?: { name: string; value: string }[]; body?: string },
    response: { status?: number; mimeType?: string; text: string },
  ) {
    const getContent = vi.fn((callback?: (content: string, encoding: string) => void) => {
      callback?.(response.text, '');
    });
    const contentType = request.headers?.find((h) => h.name.toLowerCase() === 'content-type')?.value;
    return {
      getContent,
      startedDateTime: '2026-11-30T10:00:00.000Z',
      time: 30,
      request: {
        method: request.method,
        url: request.url,
        headers: request.headers ?? [],
        ...(request.body === undefined
          ? {}
          : { postData: { mimeType: contentType ?? 'application/json', text: request.body } }),
      },
      response: {
        status: response.status ?? 200,
        statusText: 'OK',
        headers: [{ name: 'Content-Type', value: response.mimeType ?? 'application/json' }],
        content: { size: response.text.length, mimeType: response.mimeType ?? 'application/json' },
      },
    };
  }
  const json = [{ name: 'Content-Type', value: 'application/json' }];
  const ERRORS = '{"data":null,"errors":[{"message":"Field \\"nope\\" does not exist","path":["nope"]}]}';

  async function captured(request: ReturnType<typeof finished>) {
    const result = await capture(request, contentReader(request), LIMIT);
    return { ...result, reads: request.getContent.mock.calls.length };
  }

  it.each([
    [
      'a JSON POST',
      { method: 'POST', url: 'https://api.test/v1/rpc', headers: json, body: '{"query":"{ nope }"}' },
    ],
    [
      'a batched POST',
      {
        method: 'POST',
        url: 'https://api.test/v1/rpc',
        headers: json,
        body: '[{"query":"{ a }"},{"query":"{ nope }"}]',
      },
    ],
    [
      'a persisted-query GET',
      {
        method: 'GET',
        url: 'https://api.test/v1/rpc?operationName=Nope&extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22ab%22%7D%7D',
      },
    ],
    [
      'an application/graphql POST',
      {
        method: 'POST',
        url: 'https://api.test/v1/rpc',
        headers: [{ name: 'Content-Type', value: 'application/graphql' }],
        body: '{ nope }',
      },
    ],
  ])('keeps a GraphQL 200 with errors[] sent as %s, body and all', async (_shape, request) => {
    const { entry, failed, reads } = await captured(finished(request, { text: ERRORS }));
    expect(reads).toBe(1);
    expect(failed).toBe(true);
    expect(entry.response?.content?.text).toBe(ERRORS);
  });

  it("keeps a Slack 200 {ok:false}, found by its host (Slack's profile)", async () => {
    const slack = finished(
      {
        method: 'POST',
        url: 'https://slack.com/api/chat.postMessage',
        headers: json,
        body: '{"channel":"C1"}',
      },
      { text: '{"ok":false,"error":"not_in_channel"}' },
    );
    const { entry, failed, reads } = await captured(slack);
    expect([reads, failed]).toEqual([1, true]);
    expect(entry.response?.content?.text).toBe('{"ok":false,"error":"not_in_channel"}');
  });

  it('keeps an event stream 200 carrying an error event, whatever the request', async () => {
    const stream = 'event: error\ndata: {"error":{"type":"server_error","message":"boom"}}\n\n';
    const { failed, reads, entry } = await captured(
      finished(
        { method: 'GET', url: 'https://api.test/v1/events' },
        { mimeType: 'text/event-stream', text: stream },
      ),
    );
    expect([reads, failed]).toEqual([1, true]);
    expect(entry.response?.content?.text).toBe(stream);
  });

  it('never calls getContent for a plain REST JSON 200, even one whose body looks like a GraphQL failure', async () => {
    const rest = [
      finished({ method: 'GET', url: 'https://api.test/v1/items/7' }, { text: '{"id":7}' }),
      finished(
        {
          method: 'POST',
          url: 'https://api.test/v1/search',
          headers: json,
          body: '{"filter":{"query":"{ a }"}}',
        },
        { text: ERRORS },
      ),
      finished({ method: 'GET', url: 'https://api.test/v1/search?query=red+shoes' }, { text: '{"hits":[]}' }),
      finished(
        { method: 'PATCH', url: 'https://api.test/v1/items/7', headers: json, body: '{"query":"red shoes"}' },
        { status: 201, text: '{"id":7}' },
      ),
    ];
    for (const request of rest) {
      const { entry, failed, reads } = await captured(request);
      expect([reads, failed]).toEqual([0, false]);
      expect(entry.response?.content?.text).toBeUndefined();
    }
  });

  it('still reads a 2xx at a GraphQL path, and drops the body when it holds no errors', async () => {
    const { entry, failed, reads } = await captured(
      finished({ method: 'GET', url: 'https://api.test/graphql' }, { text: '{"data":{"me":{"id":"1"}}}' }),
    );
    expect([reads, failed]).toEqual([1, false]);
    expect(entry.response?.content?.text).toBeUndefined();
  });

  /** A team's own profile whose contract fails some 2xx answers, as a user imports one. */
  const HOOKS_PROFILE = {
    formatVersion: 1,
    id: 'hooks-team',
    name: 'Hooks (team profile)',
    recognize: { hosts: ['hooks.team.example'] },
    failureWhen: [{ equals: { status: 'error' } }],
    rules: [],
  };
  const hooksCall = (url: string) =>
    finished(
      { method: 'POST', url, headers: json, body: '{"event":"deploy"}' },
      { text: '{"status":"error","reason":"quota"}' },
    );

  it("reads and keeps a 2xx that a user's profile declares a failure, or that a host mapped to one answers", async () => {
    const loaded = loadProfile(HOOKS_PROFILE);
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    const judging = { profiles: [loaded.profile], hostMap: { 'relay.corp.example': 'hooks-team' } };
    for (const url of ['https://hooks.team.example/v1/send', 'https://relay.corp.example/v1/send']) {
      // Judged by the built-ins alone (before this the devtools page had nothing else), the body
      // was never read and the failure was lost.
      const unjudged = hooksCall(url);
      const before = await capture(unjudged, contentReader(unjudged), LIMIT);
      expect([unjudged.getContent.mock.calls.length, before.failed], url).toEqual([0, false]);
      const request = hooksCall(url);
      const { entry, failed } = await capture(request, contentReader(request), LIMIT, judging);
      expect([request.getContent.mock.calls.length, failed], url).toEqual([1, true]);
      expect(entry.response?.content?.text).toBe('{"status":"error","reason":"quota"}');
    }
  });

  it('leaves a Slack host unread once the user mapped it to a profile without 2xx failures', async () => {
    const slack = finished(
      { method: 'POST', url: 'https://slack.com/api/chat.postMessage', headers: json, body: '{}' },
      { text: '{"ok":false,"error":"not_in_channel"}' },
    );
    const { failed } = await capture(slack, contentReader(slack), LIMIT, {
      hostMap: { 'slack.com': 'stripe' },
    });
    expect([slack.getContent.mock.calls.length, failed]).toEqual([0, false]);
  });
});
