import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import type { Category, ProviderId, RetryVerdict } from '../../../src/core/diagnosis.ts';
import { backoffOf, DEFAULT_BACKOFF } from '../../../src/core/profiles/index.ts';
import { exchangeOf } from './exchange-of.ts';

const DEFAULT = backoffOf(DEFAULT_BACKOFF);

// One row per line of DESIGN.md "The documented policy", per provider: status × method × key.
interface Row {
  status: number;
  method: string;
  key?: boolean;
  path?: string;
  body?: string;
  requestBody?: string;
  category: Category;
  retry: RetryVerdict;
  backoffS?: number[];
  retryKey?: 'same' | 'new' | 'none';
  capS?: number;
  maxAttempts?: number;
  jitter?: boolean;
  action?: RegExp;
}

const HOSTS: Record<ProviderId, string> = {
  persona: 'api.withpersona.com',
  persly: 'api.persly.ai',
  ranex: 'ranex.test',
  'error-envelope': 'envelope.test',
  privo: 'privo.test',
  generic: 'api.example.com',
};
const hostMap: Record<string, ProviderId> = {
  'ranex.test': 'ranex',
  'envelope.test': 'error-envelope',
  'privo.test': 'privo',
};

function run(provider: ProviderId, row: Row) {
  return classify(
    exchangeOf({
      method: row.method,
      url: `https://${HOSTS[provider]}${row.path ?? '/v1/things'}`,
      status: row.status,
      ...(row.body === undefined ? {} : { body: row.body }),
      ...(row.requestBody === undefined ? {} : { requestBody: row.requestBody }),
      requestHeaders: row.key ? [{ name: 'Idempotency-Key', value: 'idem-123' }] : [],
    }),
    { hostMap },
  );
}

const name = (row: Row) =>
  `${row.status || 'network'} ${row.method}${row.path ?? ''}${row.key ? ' +key' : ''}${row.body ? ' body' : ''}${row.requestBody ? ' +id' : ''} -> ${row.category} ${row.retry}`;

function check(provider: ProviderId, rows: Row[]) {
  describe(provider, () => {
    it.each(rows.map((row) => [name(row), row] as const))('%s', (_label, row) => {
      const diagnosis = run(provider, row);
      expect(diagnosis.provider).toBe(provider);
      expect(diagnosis.category).toBe(row.category);
      expect(diagnosis.retry).toBe(row.retry);
      // A retry whose provider documents no schedule gets the generic default (profiles/generic.ts).
      const byDefault = row.retry !== 'no' && row.backoffS === undefined;
      expect(diagnosis.backoffS).toEqual(row.retry === 'no' ? [] : (row.backoffS ?? DEFAULT.delaysS));
      if (row.retryKey !== undefined) expect(diagnosis.idempotency.retryKey).toBe(row.retryKey);
      expect(diagnosis.backoffCapS).toBe(row.capS ?? (byDefault ? DEFAULT.capS : undefined));
      expect(diagnosis.maxAttempts).toBe(row.maxAttempts);
      expect(diagnosis.jitter).toBe(row.jitter ?? byDefault);
      if (row.action) expect(diagnosis.action).toMatch(row.action);
      expect(diagnosis.class).toBe(row.status === 0 ? 'network' : row.status >= 500 ? 'server' : 'client');
      // Docs are cited by a readable title, never an internal file name (issue 13).
      expect(diagnosis.doc.title).not.toMatch(/\.txt|\.md/);
    });
  });
}

const ALL_METHODS = ['GET', 'POST'];
const noRetry4xx = (extra: Partial<Row> = {}): Row[] =>
  (
    [
      [400, 'bad_request'],
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [409, 'conflict'],
      [422, 'unprocessable'],
    ] as const
  ).flatMap(([status, category]) =>
    ALL_METHODS.map((method) => ({ status, method, category, retry: 'no' as const, ...extra })),
  );
const SERVER: [number, Category][] = [
  [500, 'server_error'],
  [502, 'bad_gateway'],
  [503, 'service_unavailable'],
  [504, 'gateway_timeout'],
];
const quota = (code: string) => JSON.stringify({ error: { message: 'no credits', type: code, code } });

check('generic', [
  ...noRetry4xx(),
  { status: 400, method: 'POST', key: true, category: 'bad_request', retry: 'no', retryKey: 'new' },
  { status: 408, method: 'POST', category: 'client_error', retry: 'yes' },
  { status: 429, method: 'POST', category: 'rate_limited', retry: 'yes' },
  { status: 429, method: 'POST', key: true, category: 'rate_limited', retry: 'yes', retryKey: 'same' },
  { status: 429, method: 'POST', body: quota('insufficient_quota'), category: 'quota_exceeded', retry: 'no' },
  { status: 429, method: 'GET', body: quota('quota_exceeded'), category: 'quota_exceeded', retry: 'no' },
  {
    status: 429,
    method: 'POST',
    body: JSON.stringify({
      error: {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        message: 'Quota exceeded',
        details: [{ '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] }],
      },
    }),
    category: 'quota_exceeded',
    retry: 'no',
  },
  {
    status: 429,
    method: 'POST',
    body: JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'Slow down' } }),
    category: 'rate_limited',
    retry: 'yes',
  },
  { status: 418, method: 'GET', category: 'client_error', retry: 'no' },
  { status: 451, method: 'POST', category: 'client_error', retry: 'no' },
  ...SERVER.flatMap(([status, category]): Row[] => [
    ...['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].map((method) => ({
      status,
      method,
      category,
      retry: 'yes' as const,
    })),
    { status, method: 'POST', category, retry: 'conditional' },
    { status, method: 'PATCH', category, retry: 'conditional' },
    { status, method: 'POST', key: true, category, retry: 'yes', retryKey: 'same' },
  ]),
  { status: 507, method: 'GET', category: 'server_error', retry: 'yes' },
  { status: 507, method: 'POST', category: 'server_error', retry: 'conditional' },
  { status: 501, method: 'GET', category: 'server_error', retry: 'no' },
  { status: 501, method: 'POST', key: true, category: 'server_error', retry: 'no' },
  { status: 0, method: 'GET', category: 'network_error', retry: 'yes', retryKey: 'none' },
  { status: 0, method: 'PUT', category: 'network_error', retry: 'yes' },
  { status: 0, method: 'POST', category: 'network_error', retry: 'conditional' },
  { status: 0, method: 'POST', key: true, category: 'network_error', retry: 'yes', retryKey: 'same' },
]);

const PERSONA_BACKOFF = [5, 10, 20, 40];
check('persona', [
  ...noRetry4xx(),
  {
    status: 429,
    method: 'POST',
    key: true,
    category: 'rate_limited',
    retry: 'yes',
    backoffS: PERSONA_BACKOFF,
    retryKey: 'same',
    action: /15%/,
  },
  {
    status: 429,
    method: 'GET',
    category: 'rate_limited',
    retry: 'yes',
    backoffS: PERSONA_BACKOFF,
    retryKey: 'none',
  },
  {
    status: 400,
    method: 'POST',
    key: true,
    category: 'bad_request',
    retry: 'no',
    retryKey: 'new',
    action: /new idempotency key/,
  },
  { status: 403, method: 'POST', key: true, category: 'forbidden', retry: 'no', retryKey: 'new' },
  { status: 404, method: 'POST', key: true, category: 'not_found', retry: 'no', retryKey: 'new' },
  { status: 422, method: 'POST', key: true, category: 'unprocessable', retry: 'no', retryKey: 'new' },
  {
    status: 401,
    method: 'POST',
    key: true,
    category: 'unauthorized',
    retry: 'no',
    retryKey: 'same',
    action: /same key/,
  },
  {
    status: 409,
    method: 'POST',
    key: true,
    category: 'conflict',
    retry: 'no',
    retryKey: 'new',
    action: /state/,
  },
  { status: 409, method: 'PATCH', category: 'conflict', retry: 'no', action: /Look up the resource/ },
  ...SERVER.flatMap(([status, category]): Row[] => [
    { status, method: 'GET', category, retry: 'yes', backoffS: PERSONA_BACKOFF },
    {
      status,
      method: 'POST',
      category,
      retry: 'conditional',
      backoffS: PERSONA_BACKOFF,
      action: /reference id/,
    },
    {
      status,
      method: 'POST',
      key: true,
      category,
      retry: 'yes',
      backoffS: PERSONA_BACKOFF,
      retryKey: 'new',
      action: /new idempotency key/,
    },
  ]),
  { status: 501, method: 'POST', category: 'server_error', retry: 'no' },
  {
    status: 0,
    method: 'POST',
    key: true,
    category: 'network_error',
    retry: 'yes',
    retryKey: 'same',
    action: /same idempotency key/,
  },
  {
    status: 0,
    method: 'POST',
    category: 'network_error',
    retry: 'conditional',
    retryKey: 'none',
    action: /Idempotency-Key/,
  },
  { status: 0, method: 'GET', category: 'network_error', retry: 'yes' },
]);

const RANEX_BACKOFF = [1, 2, 4, 8, 16];
const ranexTransient = (status: number, category: Category): Row[] => [
  ...['GET', 'PUT', 'DELETE'].map((method) => ({
    status,
    method,
    category,
    retry: 'yes' as const,
    backoffS: RANEX_BACKOFF,
    capS: 30,
  })),
  {
    status,
    method: 'POST',
    path: '/v1/applicants',
    category,
    retry: 'yes',
    backoffS: RANEX_BACKOFF,
    capS: 30,
  },
  {
    status,
    method: 'POST',
    path: '/v1/applicants/app_1/verify',
    category,
    retry: 'conditional',
    backoffS: RANEX_BACKOFF,
    capS: 30,
    action: /hash/,
  },
  {
    status,
    method: 'POST',
    path: '/v1/documents',
    key: true,
    category,
    retry: 'conditional',
    backoffS: RANEX_BACKOFF,
    capS: 30,
  },
  { status, method: 'PATCH', category, retry: 'conditional', backoffS: RANEX_BACKOFF, capS: 30 },
];
check('ranex', [
  ...noRetry4xx(),
  { status: 400, method: 'POST', category: 'bad_request', retry: 'no', action: /first failing field/ },
  { status: 422, method: 'POST', category: 'unprocessable', retry: 'no', action: /first failing field/ },
  { status: 409, method: 'POST', category: 'conflict', retry: 'no', action: /never sends 409/ },
  { status: 401, method: 'GET', category: 'unauthorized', retry: 'no', action: /X-Api-Secret/ },
  {
    status: 429,
    method: 'POST',
    category: 'rate_limited',
    retry: 'yes',
    action: /client-side rate limiting/,
  },
  ...SERVER.flatMap(([status, category]) => ranexTransient(status, category)),
  ...ranexTransient(0, 'network_error'),
  { status: 501, method: 'GET', category: 'server_error', retry: 'no' },
]);

const ENVELOPE = { backoffS: [1, 2, 4], maxAttempts: 3, jitter: true };
const envelopeBody = (code: string) =>
  JSON.stringify({
    error: { code, message: 'msg', request_id: 'req_42', timestamp: '2026-11-22T05:00:00Z' },
  });
check('error-envelope', [
  ...noRetry4xx(),
  { status: 408, method: 'GET', category: 'client_error', retry: 'no' },
  { status: 429, method: 'POST', category: 'rate_limited', retry: 'yes', ...ENVELOPE },
  { status: 429, method: 'GET', category: 'rate_limited', retry: 'yes', ...ENVELOPE },
  ...SERVER.flatMap(([status, category]): Row[] =>
    ['GET', 'POST', 'PATCH'].map((method) => ({
      status,
      method,
      category,
      retry: 'yes' as const,
      ...ENVELOPE,
    })),
  ),
  {
    status: 422,
    method: 'POST',
    body: envelopeBody('VALIDATION_ERROR'),
    category: 'unprocessable',
    retry: 'no',
    action: /end users.*req_42/,
  },
  {
    status: 400,
    method: 'POST',
    body: envelopeBody('INVALID_REQUEST'),
    category: 'bad_request',
    retry: 'no',
    action: /req_42/,
  },
  {
    status: 500,
    method: 'POST',
    body: envelopeBody('INTERNAL_ERROR'),
    category: 'server_error',
    retry: 'yes',
    ...ENVELOPE,
    action: /req_42/,
  },
  { status: 0, method: 'POST', category: 'network_error', retry: 'conditional' },
]);

const persly = (code: string, type: string, param: string | null = null) =>
  JSON.stringify({ error: { message: 'm', type, code, param } });
check('persly', [
  ...noRetry4xx(),
  {
    status: 400,
    method: 'POST',
    body: persly('model_not_found', 'invalid_request_error', 'model'),
    category: 'bad_request',
    retry: 'no',
    action: /`model`.*model_not_found/,
  },
  {
    status: 429,
    method: 'POST',
    body: persly('quota_exceeded', 'insufficient_quota'),
    category: 'quota_exceeded',
    retry: 'no',
    action: /plan/,
  },
  {
    status: 429,
    method: 'POST',
    body: persly('spending_limit_exceeded', 'rate_limit_error'),
    category: 'quota_exceeded',
    retry: 'no',
    action: /spending limit/,
  },
  {
    status: 429,
    method: 'POST',
    body: persly('rate_limited', 'rate_limit_error'),
    category: 'rate_limited',
    retry: 'yes',
  },
  {
    status: 500,
    method: 'POST',
    category: 'server_error',
    retry: 'yes',
    backoffS: [1, 2, 4],
    maxAttempts: 3,
  },
  { status: 500, method: 'GET', category: 'server_error', retry: 'yes', backoffS: [1, 2, 4], maxAttempts: 3 },
  {
    status: 502,
    method: 'POST',
    category: 'bad_gateway',
    retry: 'conditional',
    backoffS: [1, 2, 4],
    maxAttempts: 3,
  },
  {
    status: 503,
    method: 'GET',
    category: 'service_unavailable',
    retry: 'yes',
    backoffS: [1, 2, 4],
    maxAttempts: 3,
  },
  { status: 501, method: 'POST', category: 'server_error', retry: 'no' },
]);

const EMAIL = JSON.stringify({ email: 'parent@example.com', first_name: 'Grace' });
check('privo', [
  ...noRetry4xx(),
  { status: 429, method: 'GET', category: 'rate_limited', retry: 'no' },
  { status: 408, method: 'POST', category: 'client_error', retry: 'no' },
  ...SERVER.flatMap(([status, category]): Row[] => [
    { status, method: 'GET', category, retry: 'yes' },
    { status, method: 'DELETE', category, retry: 'yes' },
    { status, method: 'POST', category, retry: 'conditional', action: /unique identifier/ },
    { status, method: 'PUT', category, retry: 'conditional' },
    { status, method: 'POST', key: true, category, retry: 'conditional' },
    { status, method: 'POST', requestBody: EMAIL, category, retry: 'yes', action: /`email`/ },
  ]),
  { status: 0, method: 'GET', category: 'network_error', retry: 'yes' },
  { status: 0, method: 'POST', category: 'network_error', retry: 'conditional' },
  {
    status: 0,
    method: 'POST',
    requestBody: JSON.stringify({ username: 'kid_ada' }),
    category: 'network_error',
    retry: 'yes',
  },
]);
