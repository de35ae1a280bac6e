import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src/core/diagnosis.ts';
import type { Exchange } from '../../../src/core/exchange.ts';
import { failureRow } from '../../../src/core/view/index.ts';

const exchange: Exchange = {
  index: 7,
  method: 'post',
  url: 'https://API.withpersona.com/api/v1/inquiries?token=secret#x',
  requestHeaders: [],
  status: 429,
  statusText: 'Too Many Requests',
  responseHeaders: [],
  mimeType: 'application/json',
  startedAt: '2026-01-02T03:04:05.678Z',
  startedMs: Date.parse('2026-01-02T03:04:05.678Z'),
  durationMs: 41,
};

const diagnosis: Diagnosis = {
  provider: 'persona',
  providerName: 'Persona',
  recognizedBy: { source: 'host', detail: 'api.withpersona.com' },
  class: 'client',
  category: 'rate_limited',
  retry: 'yes',
  backoffS: [5, 10, 20, 40],
  jitter: false,
  idempotency: { retryKey: 'same' },
  action: 'Wait, then retry.',
  evidence: [],
  doc: { title: 'Persona documentation', section: '429 Too Many Requests' },
  error: { format: 'jsonapi', title: 'Rate limit exceeded', message: 'Slow down' },
};

describe('failureRow', () => {
  it('flattens the exchange and diagnosis, dropping the query from the path', () => {
    expect(failureRow(exchange, diagnosis)).toEqual({
      id: 7,
      method: 'POST',
      host: 'api.withpersona.com',
      path: '/api/v1/inquiries',
      status: 429,
      startedAt: '2026-01-02T03:04:05.678Z',
      startedMs: exchange.startedMs,
      durationMs: 41,
      provider: 'persona',
      category: 'rate_limited',
      retry: 'yes',
      message: 'Slow down',
    });
  });

  it('takes the code, falling back to the type, and keeps the network error', () => {
    const { error: _omit, ...bare } = diagnosis;
    const typed = failureRow(exchange, {
      ...bare,
      error: { format: 'error-object', type: 'invalid_request' },
    });
    expect(typed.code).toBe('invalid_request');
    const failed = failureRow({ ...exchange, status: 0, networkError: 'net::ERR_CONNECTION_REFUSED' }, bare);
    expect(failed).toMatchObject({ status: 0, networkError: 'net::ERR_CONNECTION_REFUSED' });
    expect('code' in failed).toBe(false);
  });

  it('keeps the path of a relative URL without its query', () => {
    const r = failureRow({ ...exchange, url: '/graphql?op=x' }, diagnosis);
    expect(r).toMatchObject({ host: '', path: '/graphql' });
  });
});
