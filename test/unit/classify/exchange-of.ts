import type { Exchange, Header } from '../../../src/core/exchange.ts';

export interface ExchangeSpec {
  method?: string;
  url?: string;
  status: number;
  body?: string | undefined;
  mimeType?: string;
  requestHeaders?: Header[];
  responseHeaders?: Header[];
  requestBody?: string | undefined;
}

/** A minimal Exchange for table-driven tests (the HAR fixtures cover real captures). */
export function exchangeOf(spec: ExchangeSpec): Exchange {
  const exchange: Exchange = {
    index: 0,
    method: spec.method ?? 'GET',
    url: spec.url ?? 'https://api.example.com/v1/things',
    requestHeaders: spec.requestHeaders ?? [],
    status: spec.status,
    statusText: '',
    responseHeaders: spec.responseHeaders ?? [],
    mimeType: spec.mimeType ?? 'application/json',
    startedAt: '2026-11-22T05:00:00.000Z',
    startedMs: Date.parse('2026-11-22T05:00:00.000Z'),
    durationMs: 120,
  };
  if (spec.body !== undefined) exchange.responseBody = spec.body;
  if (spec.requestBody !== undefined) exchange.requestBody = spec.requestBody;
  if (spec.status === 0) exchange.networkError = 'net::ERR_CONNECTION_RESET';
  return exchange;
}
