import type { ErrorBody } from '../diagnosis.ts';

// Codes that mean a plan or billing limit, not a per-window rate: waiting does not help (OpenAI's
// `insufficient_quota`, Persly's `quota_exceeded`, Google's legacy `quotaExceeded` reasons…).
const QUOTA_CODES = new Set([
  'insufficient_quota',
  'quota_exceeded',
  'quotaexceeded',
  'dailylimitexceeded',
  'billing_hard_limit_reached',
]);

/** Whether the error body says a quota (not a rate) is exhausted. */
export function isQuotaError(error: ErrorBody | undefined): boolean {
  if (error === undefined) return false;
  // Google: RESOURCE_EXHAUSTED only means quota when a QuotaFailure detail says so.
  if (error.quotaFailure === true) return true;
  return [error.code, error.type].some(
    (value) => value !== undefined && QUOTA_CODES.has(value.toLowerCase()),
  );
}
