import { describe, expect, it } from 'vitest';
import type { Har } from '../../../src/core/har.ts';
import { redactJson } from '../../../src/core/redact/index.ts';
import { redactText } from '../../../src/core/redact/index.ts';
import { redactUrl } from '../../../src/core/redact/index.ts';
import { RedactionSession } from '../../../src/core/redact/index.ts';
import { sanitizeHar } from '../../../src/core/redact/index.ts';

/** What support needs to find the request: none of it may be taken for a secret or personal data. */
const SURVIVORS = [
  '123e4567-e89b-12d3-a456-426614174000', // UUID request id
  '12345678-1234-4234-9234-123456789012', // UUID with all-digit groups
  'req_20261122044504123', // Stripe/Persly-style request id
  'req_01HF3Z2ABCDEF',
  '01ARZ3NDEKTSV4RRFFQ69G5FAV', // ULID
  'inq_YfBjN8Sc3Ld9wqGa7mT2xZ', // Persona inquiry id
  'app_5f3e9a7c1b2d4e6f', // applicant id
  'VALIDATION_ERROR',
  'rate_limit_exceeded',
  'insufficient_quota',
  'RESOURCE_EXHAUSTED',
  '2026-11-22T04:45:04.123Z',
  '2026-11-22T04:45:04+01:00',
  'Sun, 22 Nov 2026 04:45:04 GMT',
  '1763786704',
  '1763786704000',
  '8d2c6a3f1b0e4c7a', // hex trace id
  '7b3c2d1e0f9a8b7c-LHR', // CF-Ray
  'Root=1-67891233-abcdef012345678912345678', // X-Amzn-Trace-Id
  'sha256-2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a',
];

describe('precision: identifiers, codes and times survive', () => {
  it.each(SURVIVORS)('redactText keeps %s', (value) => {
    expect(redactText(`id ${value} at status 429`, new RedactionSession())).toBe(`id ${value} at status 429`);
  });

  it('redactJson keeps an error envelope that holds no personal data', () => {
    const body = {
      error: {
        code: 'VALIDATION_ERROR',
        message: 'The field amount must be positive.',
        details: { field: 'amount', pointer: '/data/attributes/amount' },
        request_id: 'req_01HF3Z2ABCDEF',
        timestamp: '2026-11-22T04:45:04.123Z',
      },
      status: 422,
      retry_after: 30,
      id: 'inq_YfBjN8Sc3Ld9wqGa7mT2xZ',
    };
    expect(redactJson(body, new RedactionSession())).toEqual(body);
  });

  it('redactJson keeps key/value lists and resource sids, which only look like credentials by name', () => {
    const body = {
      attributes: [{ key: 'color', value: 'red' }],
      sid: 'CAxyz',
      tokens_used: 42,
      max_tokens: 512,
    };
    expect(redactJson(body, new RedactionSession())).toEqual(body);
  });

  it('redactUrl keeps paths with opaque ids and non-personal query values', () => {
    const url =
      'https://api.example.test/v1/inquiries/inq_YfBjN8Sc3Ld9wqGa7mT2xZ/approve?page=2&limit=50&sort=-created_at';
    expect(redactUrl(url, new RedactionSession())).toBe(url);
  });

  it('sanitizeHar keeps statuses, methods, timings and ordinary headers', () => {
    const har: Har = {
      log: {
        version: '1.2',
        entries: [
          {
            startedDateTime: '2026-11-22T04:45:04.123Z',
            time: 123.5,
            request: {
              method: 'POST',
              url: 'https://api.example.test/v1/applicants?page=2',
              headers: [
                { name: 'Content-Type', value: 'application/json' },
                { name: 'Idempotency-Key', value: '5d1c8f0e-2b7a-4c3d-9e8f-0a1b2c3d4e5f' },
              ],
            },
            response: {
              status: 429,
              statusText: 'Too Many Requests',
              headers: [
                { name: 'Retry-After', value: '30' },
                { name: 'RateLimit-Remaining', value: '0' },
                { name: 'X-Request-Id', value: 'req_01HF3Z2ABCDEF' },
                { name: 'Date', value: 'Sun, 22 Nov 2026 04:45:04 GMT' },
              ],
              content: {
                mimeType: 'application/json',
                text: '{"error":{"code":"rate_limited","request_id":"req_01HF3Z2ABCDEF"}}',
              },
            },
            timings: { blocked: 1, dns: -1, send: 0.5, wait: 120, receive: 2 },
          },
        ],
      },
    };
    // Everything kept; an empty `pages` is added so Firefox's Network panel can import the file.
    expect(sanitizeHar(har)).toEqual({ ...har, log: { ...har.log, pages: [] } });
  });

  // A browser's HAR export holds the page's own files next to its API calls. Tried on real exports
  // (mitmproxy's HAR import fixtures from Chrome, Firefox and Safari), the sanitizer replaced
  // `Sec-CH-UA-Mobile: ?0` as a phone, a Fetch polyfill's `credentials=e.credentials||…`, an icon
  // font's `.fa-file-signature:before{…}` with 16 KB of the style sheet after it, and an SVG
  // path's `-.002-.001-.006-.003` as a phone. The same shapes, written here:
  it("sanitizeHar keeps a page's client hints, script, style sheet and SVG", () => {
    const script =
      'function R(t,e){e=e||{};if(this.credentials=e.credentials||this.credentials||"same-origin",' +
      '!e.headers&&this.headers||(this.headers=new H(e.headers)),this.method=N(e.method||this.method||"GET"))}';
    const style =
      '.ic-file-signature:before{content:"\\e0a1"}.ic-file-upload:before{content:"\\e0a2"}' +
      '.ic-key:hover{color:#1a2b3c}'.repeat(3) +
      '.ic-user-secret:after{content:"\\e0a3"}';
    const svg =
      '<svg viewBox="0 0 16 16"><path d="M7 13.5l-.3.6-.003-.002-.007-.004-.016-.009a6.9 6.9 0 01-.28-.16z"/></svg>';
    const entry = (url: string, mimeType: string, text: string) => ({
      startedDateTime: '2026-11-22T04:45:04.123Z',
      time: 12,
      request: {
        method: 'GET',
        url,
        headers: [
          { name: 'sec-ch-ua', value: '"Chromium";v="142", "Not_A Brand";v="99"' },
          { name: 'sec-ch-ua-mobile', value: '?0' },
          { name: 'sec-ch-ua-platform', value: '"Linux"' },
        ],
      },
      response: { status: 200, statusText: 'OK', headers: [], content: { mimeType, text } },
      timings: { send: 0, wait: 10, receive: 2 },
    });
    const har: Har = {
      log: {
        version: '1.2',
        entries: [
          entry('https://www.example.test/polyfills.js', 'text/javascript', script),
          entry('https://www.example.test/style.min.css', 'text/css', style),
          entry('https://www.example.test/icon.svg', 'image/svg+xml', svg),
        ],
      },
    };
    expect(sanitizeHar(har)).toEqual({ ...har, log: { ...har.log, pages: [] } });
  });

  it('a key named like an inherited property (constructor, toString) has no kind', () => {
    const body = { constructor: 'Widget', toString: 'abc123', valueOf: '7', hasOwnProperty: 'x' };
    expect(redactJson(body, new RedactionSession())).toEqual(body);
    const script = 'if(1===e.length&&"constructor"===e[0])return r';
    expect(redactText(script, new RedactionSession())).toBe(script);
  });

  it('a phone word does not make a flag or a short code a phone number', () => {
    const session = new RedactionSession();
    expect(redactJson({ mobile: '1', phone: '?1', fax: 'n/a', tel: '112' }, session)).toEqual({
      mobile: '1',
      phone: '?1',
      fax: 'n/a',
      tel: '112',
    });
    expect(redactJson({ mobile: '+44 7700 900123' }, session)).toEqual({ mobile: '[phone-1]' });
  });
});
