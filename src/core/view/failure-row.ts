// One failed exchange as the list shows it: the row, its status class and its clock text.
import type { Exchange } from '../exchange.ts';
import type { Category, Diagnosis, ProviderId, RetryVerdict } from '../diagnosis.ts';

/**
 * One failed exchange flattened for the panel's list: only what a row shows, filters on, sorts by
 * or groups by. Rows are small and immutable so a 10,000-row session filters without touching the
 * full Exchange/Diagnosis objects (issue 6 "Scale").
 */
export interface FailureRow {
  /** The exchange's `index` (unique within a session); the list's selection key. */
  id: number;
  method: string;
  /** Lowercase hostname, empty when the URL could not be parsed. */
  host: string;
  /** URL path without query or fragment (a query can carry secrets and defeats grouping). */
  path: string;
  /** HTTP status, 0 when no response arrived. */
  status: number;
  startedAt: string;
  startedMs: number;
  durationMs: number;
  provider: ProviderId;
  category: Category;
  retry: RetryVerdict;
  /** The provider's error code (or type/title when it gives no code). */
  code?: string;
  /** The error message (or title) the body carried. */
  message?: string;
  networkError?: string;
  /** The GraphQL operationName the request named, so a row of `POST /graphql` says which one. */
  operation?: string;
}

export function failureRow(exchange: Exchange, diagnosis: Diagnosis): FailureRow {
  const { host, path } = hostAndPath(exchange.url);
  const row: FailureRow = {
    id: exchange.index,
    method: exchange.method.toUpperCase(),
    host,
    path,
    status: exchange.status,
    startedAt: exchange.startedAt,
    startedMs: exchange.startedMs,
    durationMs: exchange.durationMs,
    provider: diagnosis.provider,
    category: diagnosis.category,
    retry: diagnosis.retry,
  };
  const error = diagnosis.error;
  const code = error?.code ?? error?.type;
  const message = error?.message ?? error?.title;
  if (code !== undefined) row.code = code;
  if (message !== undefined) row.message = message;
  if (exchange.networkError !== undefined) row.networkError = exchange.networkError;
  if (exchange.graphqlOperationName !== undefined) row.operation = exchange.graphqlOperationName;
  return row;
}

function hostAndPath(url: string): { host: string; path: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.hostname.toLowerCase(), path: parsed.pathname };
  } catch {
    // Not an absolute URL (HAR files from some tools carry relative ones): keep the path part.
    return { host: '', path: url.split(/[?#]/, 1)[0] ?? url };
  }
}

/**
 * The Network panel's coarse status buckets. `other` holds failures that arrived with a
 * non-error status, i.e. GraphQL `errors[]` inside a 2xx body (DESIGN.md "CLI contract").
 */
export const STATUS_CLASSES = ['4xx', '5xx', 'network', 'other'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export function statusClass(status: number): StatusClass {
  if (status === 0) return 'network';
  if (status >= 500) return '5xx';
  if (status >= 400) return '4xx';
  return 'other';
}

/**
 * `HH:MM:SS.mmm` in UTC: the list's time column. UTC because tickets and provider logs speak UTC
 * (DESIGN.md "Redaction and the ticket"), so what the list shows matches what support will see.
 */
export function formatClock(startedMs: number): string {
  if (!Number.isFinite(startedMs) || startedMs <= 0) return '—';
  return new Date(startedMs).toISOString().slice(11, 23);
}
