import type { Header } from '../exchange.ts';
import { headerValue } from '../header-value.ts';

/**
 * Stripe's `Stripe-Should-Retry: true|false`: the server's own word on whether re-sending this
 * request is safe (https://docs.stripe.com/error-low-level#idempotency). Undefined when absent.
 */
export function readShouldRetry(headers: readonly Header[]): boolean | undefined {
  const value = headerValue(headers, 'stripe-should-retry')?.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}
