import type { HarEntry } from '../../../src/core/har.ts';

interface EntrySpec {
  method?: string;
  url: string;
  status: number;
  body?: string;
  mimeType?: string;
  requestHeaders?: { name: string; value: string }[];
  responseHeaders?: { name: string; value: string }[];
  error?: string;
  at?: number;
}

let clock = Date.parse('2026-11-22T04:00:00.000Z');

/** A HAR entry shaped like the ones Chromium's devtools.network produces (after capture). */
export function harEntry(spec: EntrySpec): HarEntry {
  clock += 1000;
  const mimeType = spec.mimeType ?? 'application/json';
  const response: NonNullable<HarEntry['response']> = {
    status: spec.status,
    statusText: '',
    headers: [{ name: 'Content-Type', value: mimeType }, ...(spec.responseHeaders ?? [])],
    content:
      spec.body === undefined ? { size: 0, mimeType } : { size: spec.body.length, mimeType, text: spec.body },
  };
  if (spec.error !== undefined) response._error = spec.error;
  return {
    startedDateTime: new Date(spec.at ?? clock).toISOString(),
    time: 42,
    request: {
      method: spec.method ?? 'GET',
      url: spec.url,
      headers: spec.requestHeaders ?? [{ name: 'Accept', value: 'application/json' }],
    },
    response,
  };
}

export const PERSONA_429 = harEntry({
  method: 'POST',
  url: 'https://api.withpersona.com/api/v1/inquiries',
  status: 429,
  body: '{"errors":[{"title":"Too many requests","details":"Rate limit exceeded for jane.doe@example.com"}]}',
  requestHeaders: [{ name: 'Authorization', value: 'Bearer persona_sandbox_1234567890abcdef' }],
  responseHeaders: [{ name: 'Retry-After', value: '30' }],
});

export const NOT_FOUND = harEntry({
  url: 'https://api.example.test/v1/orders/ord_123',
  status: 404,
  body: '{"message":"Order not found"}',
});

export const OK = harEntry({ url: 'https://api.example.test/v1/health', status: 200 });

export const CONNECTION_REFUSED = harEntry({
  url: 'http://127.0.0.1:9/v1/ping',
  status: 0,
  mimeType: 'x-unknown',
  error: 'net::ERR_CONNECTION_REFUSED',
});

export const GRAPHQL_ERRORS = harEntry({
  method: 'POST',
  url: 'https://api.example.test/graphql',
  status: 200,
  body: '{"data":null,"errors":[{"message":"Cannot query field \\"nope\\" on type \\"Query\\"."}]}',
});

export const HOSTILE_HTML = harEntry({
  url: 'https://api.example.test/v1/boom',
  status: 500,
  mimeType: 'text/html',
  body:
    '<html><head><title>Boom</title></head><body><h1>Internal error</h1>' +
    '<img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script>' +
    '<a href="javascript:window.__pwned = 3">details</a>' +
    '<svg onload="window.__pwned = 4"><circle r="4"/></svg></body></html>',
});

/** The n-th of a run of distinct 404s from one API (a session that keeps failing). */
export const notFoundItem = (n: number): HarEntry =>
  harEntry({
    url: `https://api.example.test/v1/items/${n}`,
    status: 404,
    body: `{"message":"item ${n} not found"}`,
  });
