import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import type { Diagnosis } from '../../../src/core/diagnosis.ts';
import type { Exchange } from '../../../src/core/exchange.ts';
import { isFailure } from '../../../src/core/is-failure.ts';
import { buildTicket, ticketText } from '../../../src/core/ticket/index.ts';
import { loadHarExchanges } from '../classify/load-har-exchanges.ts';

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
    providerName: 'Ranex',
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
    doc: { title: 'Ranex API reference', section: '500 Internal Server Error' },
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

  it('has host, method and path without query, UTC time, status, provider, request id, identifier', () => {
    expect(line(ticket.text, 'Provider')).toBe('Ranex');
    expect(line(ticket.text, 'Host')).toBe('api.ranex.test');
    expect(line(ticket.text, 'Request')).toBe('POST /v1/applicants');
    expect(line(ticket.text, 'Time (UTC)')).toBe('2026-11-22T04:45:04.123Z');
    expect(line(ticket.text, 'Status')).toBe('500 Internal Server Error');
    expect(line(ticket.text, 'Request ID')).toBe('req_01HF3Z2ABCDEF');
    expect(line(ticket.text, 'externalUserId')).toBe('ext-7781');
    expect(line(ticket.text, 'Expected')).toBeDefined();
    expect(line(ticket.text, 'What happened')).toBeDefined();
  });

  it('keeps the integrator advice out of the ticket and carries it beside it, in our own words', () => {
    expect(ticket.text).not.toContain(diagnosis().action);
    expect(line(ticket.text, 'Recommended action')).toBeUndefined();
    expect(line(ticket.text, 'Category')).toBeUndefined();
    expect(ticket.advice.find((item) => item.label === 'Recommended action')?.text).toBe(diagnosis().action);
    expect(ticket.advice.find((item) => item.label === 'Verdict')?.text).toBe(
      'server_error (server error; retry: yes)',
    );
  });

  it('never passes our own advice through the detectors', () => {
    const action = 'Check the credentials: the key or token is missing, expired or revoked; Bearer YOUR_KEY';
    const generic = buildTicket(exchange({ status: 401, statusText: 'Unauthorized' }), diagnosis({ action }));
    expect(generic.advice.find((item) => item.label === 'Recommended action')?.text).toBe(action);
    expect(generic.removed).toEqual([]);
    expect(generic.text).not.toContain('Removed before sharing');
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

  it('renders clean Markdown: code only for machine identifiers, escaped prose', () => {
    const markdown = buildTicket(
      exchange(),
      diagnosis({
        error: { format: 'message', message: 'field *amount* must be <positive>', code: 'E_AMOUNT' },
      }),
    ).markdown;
    expect(markdown).toContain('- **Request:** `POST /v1/applicants`');
    expect(markdown).toContain('- **Request ID:** `req_01HF3Z2ABCDEF`');
    expect(markdown).toContain('- **Provider:** Ranex');
    expect(markdown).toContain('- **Status:** 500 Internal Server Error');
    expect(markdown).toContain('- **Message:** field \\*amount\\* must be \\<positive\\>');
    expect(markdown).toContain('**Expected:**');
  });

  it('names the API version headers of any vendor, by one rule', () => {
    const versioned = buildTicket(
      exchange({
        requestHeaders: [
          { name: 'Persona-Version', value: '2023-01-05' },
          { name: 'anthropic-version', value: '2023-06-01' },
          { name: 'X-GitHub-Api-Version', value: '2022-11-28' },
          { name: 'X-Client-Version', value: '4.2.0' },
          { name: 'Sec-CH-UA-Full-Version', value: '150.0' },
        ],
        responseHeaders: [{ name: 'Stripe-Version', value: '2024-06-20' }],
      }),
      diagnosis(),
    );
    const versions = versioned.text.split('\n').filter((row) => row.startsWith('API version: '));
    expect(versions).toEqual([
      'API version: Persona-Version: 2023-01-05',
      'API version: anthropic-version: 2023-06-01',
      'API version: X-GitHub-Api-Version: 2022-11-28',
      'API version: Stripe-Version: 2024-06-20',
    ]);
  });

  it('names the GraphQL operation', () => {
    const graphql = buildTicket(exchange({ graphqlOperationName: 'CreateApplicant' }), diagnosis());
    expect(line(graphql.text, 'GraphQL operation')).toBe('CreateApplicant');
  });

  it('renders the Markdown only when asked', () => {
    const draft = buildTicket(exchange(), diagnosis());
    const descriptor = Object.getOwnPropertyDescriptor(draft, 'markdown');
    expect(descriptor?.get).toBeTypeOf('function');
    expect(draft.markdown).toBe(draft.markdown);
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
    expect(ticket.removed.map((item) => item.placeholder)).toEqual(['[email-1]', '[api-key-1]']);
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
    for (const name of [
      'Request-Id',
      'X-Correlation-Id',
      'X-Amzn-RequestId',
      'CF-Ray',
      'Twilio-Request-Id',
      'x-slack-req-id',
      'apigw-requestid',
      'X-Cloud-Trace-Context',
    ]) {
      const ticket = buildTicket(
        exchange({ responseHeaders: [{ name, value: '8d2c6a3f1b0e4c7a-LHR' }] }),
        diagnosis(),
      );
      expect(line(ticket.text, 'Request ID'), name).toBe('8d2c6a3f1b0e4c7a-LHR');
    }
  });

  it("quotes S3's extended request id and a W3C traceparent when nothing better is there", () => {
    const hostId = 'ef8yU9AS1ed4OpIszj7UDNEHGran1aV5dWx0ZbUyDuNvkoVqIKEE6JwWEx8hk3v1TJ5VbmIpwcoE=';
    const s3 = buildTicket(
      exchange({ responseHeaders: [{ name: 'x-amz-id-2', value: hostId }] }),
      diagnosis(),
    );
    expect(line(s3.text, 'Request ID')).toBe(hostId);
    const both = buildTicket(
      exchange({
        responseHeaders: [
          { name: 'x-amz-id-2', value: hostId },
          { name: 'x-amz-request-id', value: '4442587FB7D0A2F9' },
        ],
      }),
      diagnosis(),
    );
    expect(line(both.text, 'Request ID')).toBe('4442587FB7D0A2F9');
    const trace = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const traced = buildTicket(
      exchange({ responseHeaders: [], requestHeaders: [{ name: 'traceparent', value: trace }] }),
      diagnosis(),
    );
    expect(line(traced.text, 'Request ID')).toBe(trace);
  });

  it('describes a request that got no response', () => {
    const ticket = buildTicket(
      exchange({ status: 0, statusText: '', networkError: 'net::ERR_CONNECTION_RESET' }),
      diagnosis({ class: 'network', category: 'network_error' }),
    );
    expect(line(ticket.text, 'Status')).toBe('no response (net::ERR_CONNECTION_RESET)');
  });
});

describe('buildTicket: one decision per value across the exchange', () => {
  it('replaces a name given in the request body wherever the error message echoes it', () => {
    const ticket = buildTicket(
      exchange({
        requestBody: JSON.stringify({ full_name: 'Quirinus Zwackelmann', externalUserId: 'ext-7781' }),
      }),
      diagnosis({ error: { format: 'message', message: 'Applicant Quirinus Zwackelmann already exists' } }),
    );
    expect(line(ticket.text, 'Message')).toBe('Applicant [name-1] already exists');
  });

  it('replaces a tracking id seen in a cookie where the path repeats it', () => {
    const ticket = buildTicket(
      exchange({
        url: 'https://api.ranex.test/v1/sessions/trk_9f8e7d6c5b4a',
        requestHeaders: [{ name: 'Cookie', value: 'trk=trk_9f8e7d6c5b4a' }],
      }),
      diagnosis(),
    );
    expect(line(ticket.text, 'Request')).toBe('POST /v1/sessions/[cookie-1]');
  });

  it('numbers placeholders in reading order, whatever was judged first', () => {
    const ticket = buildTicket(
      exchange({
        requestHeaders: [{ name: 'X-Debug', value: 'first@x.test' }],
        url: 'https://api.ranex.test/v1/users/second%40x.test',
      }),
      diagnosis(),
    );
    expect(line(ticket.text, 'Request')).toBe('POST /v1/users/[email-1]');
  });
});

describe('tickets across many exchanges', () => {
  // The ticket module remembers header, URL and body texts that judging found nothing in, and
  // skips judging them again (issue 12): whatever came before, a ticket must read the same.
  const failures = readdirSync(new URL('../../fixtures/classify/providers/', import.meta.url))
    .filter((name) => name.endsWith('.har'))
    .flatMap((name) => loadHarExchanges(`providers/${name}`))
    .filter((one) => isFailure(one))
    .map((one) => ({ exchange: one, diagnosis: classify(one) }));

  it('read the same whichever tickets were built before them', () => {
    expect(failures.length).toBeGreaterThan(20);
    const forwards = failures.map(({ exchange: one, diagnosis: made }) => buildTicket(one, made).text);
    const backwards = [...failures]
      .reverse()
      .map(({ exchange: one, diagnosis: made }) => buildTicket(one, made).text)
      .reverse();
    expect(backwards).toEqual(forwards);
    expect(failures.map(({ exchange: one, diagnosis: made }) => ticketText(one, made))).toEqual(forwards);
  });
});
