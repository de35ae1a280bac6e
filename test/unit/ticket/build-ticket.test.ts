import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src/core/diagnosis.ts';
import type { Exchange } from '../../../src/core/exchange.ts';
import { buildTicket } from '../../../src/core/ticket/index.ts';

function exchange(overrides: Partial<Exchange> = {}): Exchange {
  return {
    index: 3,
    method: 'POST',
    url: 'https://api.ranex.test/v1/applicants?externalUserId=ext-7781&debug=1',
    requestHeaders: [
      { name: 'X-Api-Key', value: 'rnx-live-key-000111' },
      { name: 'Content-Type', value: 'application/json' },
    ],
    requestBody: JSON.stringify({
      externalUserId: 'ext-7781',
      first_name: 'Ada',
      selfie: 'data:image/jpeg;base64,/9j/',
    }),
    requestMimeType: 'application/json',
    status: 500,
    statusText: 'Internal Server Error',
    responseHeaders: [{ name: 'X-Request-Id', value: 'req_01HF3Z2ABCDEF' }],
    responseBody: '{"message":"Internal error"}',
    mimeType: 'application/json',
    startedAt: '2026-11-22T04:45:04.123Z',
    startedMs: Date.parse('2026-11-22T04:45:04.123Z'),
    durationMs: 120,
    ...overrides,
  };
}

function diagnosis(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return {
    provider: 'ranex',
    recognizedBy: { source: 'host', detail: 'api.ranex.test' },
    class: 'server',
    category: 'server_error',
    retry: 'yes',
    backoffS: [1, 2, 4, 8],
    backoffCapS: 30,
    jitter: false,
    idempotency: { retryKey: 'none' },
    action: 'Retry with backoff; creating an applicant is idempotent on externalUserId.',
    evidence: [],
    doc: { file: 'ranex.txt', section: '500 Internal Server Error' },
    error: { format: 'message', message: 'Internal error' },
    ...overrides,
  };
}

function line(text: string, label: string): string | undefined {
  return text
    .split('\n')
    .find((row) => row.startsWith(`${label}: `))
    ?.slice(label.length + 2);
}

describe('buildTicket: the fields support asks for', () => {
  const ticket = buildTicket(exchange(), diagnosis());

  it('has method and path without query, UTC time, status, provider, request id, identifier, action', () => {
    expect(line(ticket.text, 'Request')).toBe('POST /v1/applicants');
    expect(line(ticket.text, 'Time (UTC)')).toBe('2026-11-22T04:45:04.123Z');
    expect(line(ticket.text, 'Status')).toBe('500 Internal Server Error');
    expect(line(ticket.text, 'Provider')).toMatch(/\(ranex\)$/);
    expect(line(ticket.text, 'Request ID')).toBe('req_01HF3Z2ABCDEF');
    expect(line(ticket.text, 'externalUserId')).toBe('ext-7781');
    expect(line(ticket.text, 'Category')).toBe('server_error (server error; retry: yes)');
    expect(line(ticket.text, 'Recommended action')).toBe(diagnosis().action);
    expect(line(ticket.text, 'Expected')).toBeDefined();
    expect(line(ticket.text, 'What happened')).toBeDefined();
  });

  it('never carries the request body, the query or the credentials', () => {
    for (const text of [ticket.text, ticket.markdown]) {
      expect(text).not.toContain('Ada');
      expect(text).not.toContain('selfie');
      expect(text).not.toContain('debug=1');
      expect(text).not.toContain('rnx-live-key');
    }
  });

  it('splits the text into segments that join back to it', () => {
    expect(ticket.segments.map((segment) => segment.text).join('')).toBe(ticket.text);
    expect(ticket.removed).toEqual([]);
  });

  it('renders the same fields as Markdown', () => {
    expect(ticket.markdown).toContain('- **Request:** `POST /v1/applicants`');
    expect(ticket.markdown).toContain('- **Request ID:** `req_01HF3Z2ABCDEF`');
    expect(ticket.markdown).toContain('**Expected:**');
  });
});

describe('buildTicket: redaction inside the allowed fields', () => {
  it('replaces an email or token in the path and message, stable within the ticket, and lists it', () => {
    const ticket = buildTicket(
      exchange({ url: 'https://api.ranex.test/v1/users/ann%40x.test/keys/sk_live_0123456789abcdefghij' }),
      diagnosis({ error: { format: 'message', message: 'User ann@x.test has no access' } }),
    );
    expect(line(ticket.text, 'Request')).toBe('POST /v1/users/[email-1]/keys/[api-key-1]');
    expect(line(ticket.text, 'Message')).toBe('User [email-1] has no access');
    expect(ticket.removed).toEqual([
      { kind: 'email', placeholder: '[email-1]', count: 2 },
      { kind: 'api-key', placeholder: '[api-key-1]', count: 1 },
    ]);
    const highlighted = ticket.segments.filter((segment) => segment.redactedKind !== undefined);
    expect(highlighted.map((segment) => [segment.text, segment.redactedKind])).toContainEqual([
      '[email-1]',
      'email',
    ]);
    expect(ticket.segments.map((segment) => segment.text).join('')).toBe(ticket.text);
  });

  it('replaces the support identifier when it is itself personal data', () => {
    const ticket = buildTicket(
      exchange({
        url: 'https://api.ranex.test/v1/applicants',
        requestBody: '{"externalUserId":"ann@x.test"}',
      }),
      diagnosis(),
    );
    expect(line(ticket.text, 'externalUserId')).toBe('[email-1]');
  });

  it("finds Persona's reference id in the JSON body without copying the body", () => {
    const ticket = buildTicket(
      exchange({
        url: 'https://api.persona.test/api/v1/inquiries',
        requestBody: JSON.stringify({
          data: { attributes: { 'reference-id': 'ref_42', 'name-first': 'Ada' } },
        }),
      }),
      diagnosis({ provider: 'persona' }),
    );
    expect(line(ticket.text, 'reference-id')).toBe('ref_42');
    expect(ticket.text).not.toContain('Ada');
  });
});

describe('buildTicket: rate limits and request ids', () => {
  it('gives Retry-After and the rate-limit figures for a 429', () => {
    const ticket = buildTicket(
      exchange({ status: 429, statusText: 'Too Many Requests' }),
      diagnosis({
        category: 'rate_limited',
        class: 'client',
        retryAfterS: 30,
        rateLimit: { dialect: 'ratelimit-*', limit: 100, remaining: 0, resetS: 30 },
      }),
    );
    expect(line(ticket.text, 'Retry-After')).toBe('30 s');
    expect(line(ticket.text, 'Rate limit')).toBe('0 remaining of 100, resets in 30 s (ratelimit-* headers)');
  });

  it('leaves rate-limit lines out of a 500', () => {
    const ticket = buildTicket(exchange(), diagnosis({ retryAfterS: 5 }));
    expect(line(ticket.text, 'Retry-After')).toBeUndefined();
  });

  it('prefers the body request_id, then the header family', () => {
    const fromBody = buildTicket(
      exchange(),
      diagnosis({ error: { format: 'envelope', requestId: 'req_body_1' } }),
    );
    expect(line(fromBody.text, 'Request ID')).toBe('req_body_1');
    for (const name of ['Request-Id', 'X-Correlation-Id', 'X-Amzn-RequestId', 'CF-Ray']) {
      const ticket = buildTicket(
        exchange({ responseHeaders: [{ name, value: '8d2c6a3f1b0e4c7a-LHR' }] }),
        diagnosis(),
      );
      expect(line(ticket.text, 'Request ID'), name).toBe('8d2c6a3f1b0e4c7a-LHR');
    }
  });

  it('describes a request that got no response', () => {
    const ticket = buildTicket(
      exchange({ status: 0, statusText: '', networkError: 'net::ERR_CONNECTION_RESET' }),
      diagnosis({ class: 'network', category: 'network_error' }),
    );
    expect(line(ticket.text, 'Status')).toBe('no response (net::ERR_CONNECTION_RESET)');
  });
});
