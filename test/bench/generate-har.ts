/**
 * A realistic synthetic HAR for the triage benchmark (`npm run bench`), deterministic for a seed.
 *
 * Shape, modelled on Chrome's "Save all as HAR" of an app talking to several APIs:
 * - hosts: the app's own API and CDN plus the five documented providers;
 * - about 87 % successes (JSON reads and writes, assets, preflights, 304s) and 13 % failures
 *   (429 with Retry-After, 4xx validation and auth errors, 5xx, network errors, GraphQL errors
 *   inside a 200), with retries of the same request a few seconds later, as real clients do;
 * - 12–20 request headers and 10–16 response headers, cookies, query strings, Chrome's `timings`
 *   and `_initiator`/`_priority` extras (a script-initiated request carries the JavaScript stack
 *   that sent it, 2–4 frames plus an `await` parent of 1–3, as Chrome records it); small JSON bodies, and
 *   about 1 in 400 a 50–200 KB one.
 *
 * Run directly to write a file: `npx tsx test/bench/generate-har.ts OUT.har [ENTRIES | 700MB]`.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Har, HarEntry, HarNameValue } from '../../src/core/har.ts';
import { HarWriter } from '../../src/core/har-stream/index.ts';

/** mulberry32: a tiny seeded PRNG, so every run measures the same file. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Api {
  host: string;
  paths: readonly string[];
  /** Share of this host among API calls. */
  weight: number;
  errorBody: (status: number, rnd: () => number) => string;
  /** `used`: requests to this host in the current one-minute rate-limit window, this one included. */
  extraResponseHeaders: (rnd: () => number, used: number) => HarNameValue[];
}

const hex = (rnd: () => number, length: number): string => {
  let out = '';
  while (out.length < length)
    out += Math.floor(rnd() * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, length);
};

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

const h = (name: string, value: string): HarNameValue => ({ name, value });

const APIS: readonly Api[] = [
  {
    host: 'api.withpersona.com',
    paths: ['/api/v1/inquiries', '/api/v1/accounts', '/api/v1/verifications/ver_{id}', '/api/v1/reports'],
    weight: 0.2,
    errorBody: (status) =>
      JSON.stringify({
        errors: [{ title: statusTitle(status), details: 'data.attributes.name is missing' }],
      }),
    extraResponseHeaders: (_rnd, used) => [
      h('RateLimit-Limit', '300'),
      h('RateLimit-Remaining', String(Math.max(0, 300 - used))),
      h('RateLimit-Reset', '60'),
    ],
  },
  {
    host: 'api.persly.ai',
    paths: ['/v1/chat/completions', '/v1/embeddings', '/v1/rerank', '/v1/models'],
    weight: 0.2,
    errorBody: (status) =>
      JSON.stringify({
        error:
          status === 429
            ? {
                message: 'Free tier credits are exhausted.',
                type: 'insufficient_quota',
                code: 'quota_exceeded',
                param: null,
              }
            : status >= 500
              ? {
                  message: 'An unexpected error occurred.',
                  type: 'server_error',
                  code: 'internal_error',
                  param: null,
                }
              : {
                  message: 'The model does not exist.',
                  type: 'invalid_request_error',
                  code: 'model_not_found',
                  param: 'model',
                },
      }),
    extraResponseHeaders: (_rnd, used) => [
      h('x-ratelimit-limit-requests', '100'),
      h('x-ratelimit-remaining-requests', String(Math.max(0, 100 - used))),
      h('x-ratelimit-reset-requests', '30s'),
    ],
  },
  {
    host: 'api.ranexid.com',
    paths: ['/v1/applicants', '/v1/applicants/{id}/verify', '/v1/levels', '/v1/documents/{id}'],
    weight: 0.15,
    errorBody: (status) => JSON.stringify({ message: `${statusTitle(status)}: externalUserId is required` }),
    extraResponseHeaders: () => [],
  },
  {
    host: 'api.envelope-payments.example',
    paths: ['/v2/payments', '/v2/payments/{id}', '/v2/refunds', '/v2/customers/{id}'],
    weight: 0.15,
    errorBody: (status, rnd) =>
      JSON.stringify({
        error: {
          code:
            status >= 500
              ? 'SERVICE_UNAVAILABLE'
              : status === 429
                ? 'RATE_LIMIT_EXCEEDED'
                : 'VALIDATION_ERROR',
          message: 'The amount must be a positive integer.',
          details: { field: 'amount' },
          request_id: `req_${hex(rnd, 24)}`,
          timestamp: '2026-11-20T10:00:00Z',
        },
      }),
    extraResponseHeaders: (rnd) => [h('X-Request-Id', `req_${hex(rnd, 24)}`)],
  },
  {
    host: 'api.privo.com',
    paths: ['/api/v1/users/{id}', '/api/v1/consent', '/api/v1/accounts/register'],
    weight: 0.1,
    errorBody: (status) =>
      JSON.stringify({ status: 'failed', message: statusTitle(status), validationErrors: [] }),
    extraResponseHeaders: () => [],
  },
  {
    host: 'app.example-shop.test',
    paths: ['/api/cart', '/api/products/{id}', '/api/session', '/graphql'],
    weight: 0.2,
    errorBody: (status) => JSON.stringify({ message: statusTitle(status) }),
    extraResponseHeaders: (_rnd, used) => [
      h('X-RateLimit-Limit', '600'),
      h('X-RateLimit-Remaining', String(Math.max(0, 600 - used))),
    ],
  },
];

function statusTitle(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    422: 'Unprocessable Entity',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return titles[status] ?? 'OK';
}

/** Failure statuses weighted roughly like a flaky integration day: mostly 4xx, a burst of 5xx, 429s. */
const FAILURE_STATUSES = [
  400, 400, 401, 403, 404, 404, 409, 422, 422, 429, 429, 429, 500, 502, 503, 503, 504, 0,
];

function requestHeaders(rnd: () => number, api: Api, method: string, hasBody: boolean): HarNameValue[] {
  const headers = [
    h(':authority', api.host),
    h(':method', method),
    h(':scheme', 'https'),
    h('accept', 'application/json, text/plain, */*'),
    h('accept-encoding', 'gzip, deflate, br, zstd'),
    h('accept-language', 'en-GB,en;q=0.9'),
    h('authorization', `Bearer ${hex(rnd, 40)}`),
    h('origin', 'https://app.example-shop.test'),
    h('referer', 'https://app.example-shop.test/checkout'),
    h('sec-ch-ua', '"Chromium";v="156", "Not.A/Brand";v="99"'),
    h('sec-ch-ua-mobile', '?0'),
    h('sec-ch-ua-platform', '"Linux"'),
    h('sec-fetch-dest', 'empty'),
    h('sec-fetch-mode', 'cors'),
    h('sec-fetch-site', 'cross-site'),
    h(
      'user-agent',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    ),
  ];
  if (hasBody) headers.push(h('content-type', 'application/json'));
  if (method === 'POST' && rnd() < 0.5) headers.push(h('idempotency-key', hex(rnd, 32)));
  return headers;
}

function responseHeaders(
  rnd: () => number,
  api: Api,
  status: number,
  size: number,
  used: number,
): HarNameValue[] {
  const headers = [
    h('access-control-allow-origin', 'https://app.example-shop.test'),
    h('cache-control', 'no-store'),
    h('content-encoding', 'br'),
    h('content-length', String(size)),
    h('content-type', 'application/json; charset=utf-8'),
    h('date', 'Fri, 20 Nov 2026 10:00:00 GMT'),
    h('server', 'envoy'),
    h('strict-transport-security', 'max-age=31536000; includeSubDomains'),
    h('vary', 'Origin, Accept-Encoding'),
    h('x-content-type-options', 'nosniff'),
    h('x-envoy-upstream-service-time', String(Math.floor(rnd() * 300))),
    ...api.extraResponseHeaders(rnd, used),
  ];
  if (status === 429 || status === 503) headers.push(h('retry-after', String(1 + Math.floor(rnd() * 30))));
  return headers;
}

/** A small JSON payload like an API returns: a resource with a dozen fields. */
function resourceBody(rnd: () => number, items: number): string {
  const item = () => ({
    id: `obj_${hex(rnd, 16)}`,
    type: pick(rnd, ['inquiry', 'account', 'payment', 'applicant']),
    status: pick(rnd, ['pending', 'approved', 'completed', 'declined']),
    created_at: '2026-11-20T09:58:12.345Z',
    amount: Math.floor(rnd() * 100000),
    currency: 'EUR',
    metadata: { source: 'checkout', version: 3, tags: ['web', 'eu'] },
    attributes: { name_first: 'Alex', country_code: 'DE', reference_id: `ref-${hex(rnd, 8)}` },
  });
  if (items === 1) return JSON.stringify({ data: item() });
  return JSON.stringify({ data: Array.from({ length: items }, item), meta: { next: null, count: items } });
}

function requestBody(rnd: () => number): string {
  return JSON.stringify({
    data: {
      attributes: { amount: Math.floor(rnd() * 10000), currency: 'EUR', reference_id: `ref-${hex(rnd, 8)}` },
    },
  });
}

interface Planned {
  api: Api;
  method: string;
  path: string;
  status: number;
  graphqlError: boolean;
}

/** The mix of a capture: how often an API call fails, and whether list endpoints return large pages. */
export interface HarShape {
  /** Share of API calls (not assets) that fail; retries come on top. 0.15 gives ~12 % of all entries. */
  failureRate: number;
  /** 1 in 400 success bodies is a 50–200 KB page (the bulk of a realistic file's bytes). */
  largeBodies: boolean;
}

export const REALISTIC: HarShape = { failureRate: 0.15, largeBodies: true };
/** A third of all entries fail, bodies small: where triage itself, not parsing, costs the most. */
export const FAILURE_HEAVY: HarShape = { failureRate: 0.44, largeBodies: false };

function plan(rnd: () => number, shape: HarShape): Planned {
  let roll = rnd();
  let api = APIS[0] as Api;
  for (const candidate of APIS) {
    api = candidate;
    roll -= candidate.weight;
    if (roll < 0) break;
  }
  const path = pick(rnd, api.paths).replace('{id}', hex(rnd, 12));
  const method = pick(rnd, ['GET', 'GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE']);
  const failure = rnd() < shape.failureRate;
  const graphqlError = failure && path === '/graphql' && rnd() < 0.5;
  const status =
    !failure || graphqlError ? pick(rnd, [200, 200, 200, 201, 204, 304]) : pick(rnd, FAILURE_STATUSES);
  return { api, method: path === '/graphql' ? 'POST' : method, path, status, graphqlError };
}

function responseText(rnd: () => number, p: Planned, shape: HarShape): string {
  if (p.graphqlError)
    return JSON.stringify({
      data: null,
      errors: [{ message: 'Variable "$id" of required type "ID!" was not provided.', path: ['cart'] }],
    });
  if (p.status === 0 || p.status === 204 || p.status === 304) return '';
  if (p.status >= 400) return p.api.errorBody(p.status, rnd);
  // A few list endpoints return large pages: 1 in 400 bodies is 50–200 KB.
  const large = shape.largeBodies && rnd() < 0.0025;
  return resourceBody(rnd, large ? 150 + Math.floor(rnd() * 450) : rnd() < 0.3 ? 3 : 1);
}

/** Requests per host in fixed one-minute windows, as a server's rate limiter counts them. */
type WindowCounter = (host: string, ms: number) => number;

function windowCounter(): WindowCounter {
  const windows = new Map<string, { start: number; used: number }>();
  return (host, ms) => {
    const start = ms - (ms % 60_000);
    const window = windows.get(host);
    const used = window !== undefined && window.start === start ? window.used + 1 : 1;
    windows.set(host, { start, used });
    return used;
  };
}

const FUNCTIONS = ['request', 'fetchJson', 'apiCall', 'submitOrder', 'loadCart', 'verifyIdentity', 'onClick'];

function callFrames(rnd: () => number, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, () => ({
    functionName: pick(rnd, FUNCTIONS),
    scriptId: String(10 + Math.floor(rnd() * 90)),
    url: `https://app.example-shop.test/static/js/main.${hex(rnd, 8)}.js`,
    lineNumber: 0,
    columnNumber: Math.floor(rnd() * 400000),
  }));
}

/** Chrome's `_initiator`: the parser for assets, the preflighted request, or the sending script's stack. */
function initiatorOf(rnd: () => number, p: Planned): Record<string, unknown> {
  if (p.path.startsWith('/static/'))
    return { type: 'parser', url: 'https://app.example-shop.test/checkout', lineNumber: 12 };
  if (p.method === 'OPTIONS') return { type: 'preflight', url: `https://${p.api.host}${p.path}` };
  const parent = { description: 'await', callFrames: callFrames(rnd, 1 + Math.floor(rnd() * 3)) };
  return { type: 'script', stack: { callFrames: callFrames(rnd, 2 + Math.floor(rnd() * 3)), parent } };
}

function entryAt(
  rnd: () => number,
  p: Planned,
  startedMs: number,
  count: WindowCounter,
  shape: HarShape,
): HarEntry {
  const hasBody = p.method === 'POST' || p.method === 'PUT';
  const text = responseText(rnd, p, shape);
  const wait = 20 + rnd() * 400;
  const receive = 1 + rnd() * 20;
  const entry: HarEntry = {
    _initiator: initiatorOf(rnd, p),
    _priority: p.method === 'GET' && p.path.startsWith('/static/') ? 'Low' : 'High',
    _resourceType: p.path.startsWith('/static/') ? 'script' : p.method === 'OPTIONS' ? 'preflight' : 'fetch',
    cache: {},
    connection: String(10000 + Math.floor(rnd() * 5000)),
    pageref: 'page_1',
    request: {
      method: p.method,
      url: `https://${p.api.host}${p.path}${p.method === 'GET' && rnd() < 0.3 ? '?page=2&limit=25' : ''}`,
      httpVersion: 'http/2.0',
      headers: requestHeaders(rnd, p.api, p.method, hasBody),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
      ...(hasBody ? { postData: { mimeType: 'application/json', text: requestBody(rnd) } } : {}),
    },
    response: {
      status: p.status,
      statusText: p.status === 0 ? '' : statusTitle(p.status),
      httpVersion: p.status === 0 ? '' : 'http/2.0',
      headers:
        p.status === 0
          ? []
          : responseHeaders(rnd, p.api, p.status, text.length, count(p.api.host, startedMs)),
      cookies: [],
      content: { size: text.length, mimeType: p.status === 0 ? 'x-unknown' : 'application/json', text },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _transferSize: text.length + 300,
      _error: p.status === 0 ? 'net::ERR_CONNECTION_RESET' : null,
    },
    serverIPAddress: '203.0.113.10',
    startedDateTime: new Date(startedMs).toISOString(),
    time: wait + receive + 1.2,
    timings: {
      blocked: 0.8,
      dns: -1,
      ssl: -1,
      connect: -1,
      send: 0.2,
      wait,
      receive,
      _blocked_queueing: 0.5,
    },
  };
  return entry;
}

/** A static asset or CORS preflight: the bulk of a real capture, always successful. */
function assetEntry(rnd: () => number, startedMs: number, count: WindowCounter, shape: HarShape): HarEntry {
  const preflight = rnd() < 0.4;
  const p: Planned = {
    api: APIS[5] as Api,
    method: preflight ? 'OPTIONS' : 'GET',
    path: preflight ? '/api/cart' : `/static/chunk-${hex(rnd, 8)}.js`,
    status: preflight ? 204 : pick(rnd, [200, 304]),
    graphqlError: false,
  };
  return entryAt(rnd, p, startedMs, count, shape);
}

export interface GenerateHarOptions {
  entries: number;
  seed?: number;
  shape?: HarShape;
}

/** The entries of a capture, one at a time (a 1 GB file is written without holding it). */
export function* harEntries({
  entries,
  seed = 20261120,
  shape = REALISTIC,
}: GenerateHarOptions): Generator<HarEntry> {
  const rnd = seededRandom(seed);
  const count = windowCounter();
  let clock = Date.parse('2026-11-20T09:00:00.000Z');
  let retry: Planned | undefined;
  for (let made = 0; made < entries; made++) {
    clock += Math.floor(rnd() * 400);
    // A failed call is often retried shortly after, which feeds the session analyses.
    const p = retry ?? (rnd() < 0.25 ? undefined : plan(rnd, shape));
    retry =
      p !== undefined && p.status >= 429 && rnd() < 0.4
        ? { ...p, status: pick(rnd, [p.status, 200]) }
        : undefined;
    yield p === undefined ? assetEntry(rnd, clock, count, shape) : entryAt(rnd, p, clock, count, shape);
  }
}

/** The archive around the entries: version, creator, one page, as Chrome writes it. */
export function harSkeleton(): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [
        {
          startedDateTime: '2026-11-20T09:00:00.000Z',
          id: 'page_1',
          title: 'https://app.example-shop.test/',
          pageTimings: {},
        },
      ],
      entries: [],
    },
  };
}

export function generateHar(options: GenerateHarOptions): Har {
  const har = harSkeleton();
  har.log.entries = [...harEntries(options)];
  return har;
}

/**
 * Write a capture of at least `bytes` bytes to `path`, indented as Chrome writes it, entry by entry
 * (HarWriter), so files beyond V8's string limit can be made. Returns the number of entries.
 */
export function writeHarFile(path: string, bytes: number, shape: HarShape = REALISTIC): number {
  const fd = openSync(path, 'w');
  let written = 0;
  let entries = 0;
  try {
    const writer = new HarWriter(harSkeleton(), (text) => {
      written += Buffer.byteLength(text);
      writeSync(fd, text);
    });
    for (const entry of harEntries({ entries: Number.MAX_SAFE_INTEGER, shape })) {
      writer.entry(entry);
      entries++;
      if (entries % 256 === 0) writer.flush();
      if (written >= bytes) break;
    }
    writer.end();
  } finally {
    closeSync(fd);
  }
  return entries;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, count = '60000'] = process.argv.slice(2);
  if (out === undefined) {
    console.error('usage: tsx test/bench/generate-har.ts OUT.har [ENTRIES | SIZE_MB"MB"]');
    process.exitCode = 2;
  } else if (count.endsWith('MB')) {
    const entries = writeHarFile(out, Number(count.slice(0, -2)) * 1e6);
    console.log(`wrote ${entries} entries to ${out}`);
  } else {
    writeFileSync(out, JSON.stringify(generateHar({ entries: Number(count) }), null, 2));
    console.log(`wrote ${count} entries to ${out}`);
  }
}
