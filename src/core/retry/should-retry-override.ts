import type { Evidence, RetryVerdict } from '../diagnosis.ts';
import type { Header } from '../exchange.ts';
import { readShouldRetry } from '../rate-limit/read-should-retry.ts';

export interface RetryOverride {
  retry: RetryVerdict;
  evidence: Evidence;
}

/**
 * Stripe-Should-Retry is the server's explicit answer and outranks the status-based guess of the
 * generic baseline (https://docs.stripe.com/error-low-level#idempotency).
 */
export function shouldRetryOverride(headers: readonly Header[]): RetryOverride | undefined {
  const should = readShouldRetry(headers);
  if (should === undefined) return undefined;
  return {
    retry: should ? 'yes' : 'no',
    evidence: { source: 'header', detail: `Stripe-Should-Retry: ${should}` },
  };
}
