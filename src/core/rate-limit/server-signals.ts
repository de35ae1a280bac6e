import type { Header } from '../exchange.ts';
import { headerValue } from '../header-value.ts';

// RFC 9110 §10.2.3: delay-seconds is 1*DIGIT; a fractional value ("1.5") is out of spec but sent
// by some servers (Shopify's "2.0"), so it is accepted and rounded up rather than ignored.
const DELAY_SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * Retry-After in seconds (RFC 9110 §10.2.3), or undefined when absent or unreadable.
 *
 * delay-seconds is returned as is. An HTTP-date is made relative to the response's own `Date`
 * header (the server's clock), never to the local clock: a HAR file may be read days later and a
 * browser's clock may be skewed, so without a `Date` header an HTTP-date yields undefined instead of
 * a guess. A date already in the past gives 0 (retry now).
 */
export function readRetryAfter(headers: readonly Header[]): number | undefined {
  const raw = headerValue(headers, 'retry-after')?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (DELAY_SECONDS.test(raw)) return Math.ceil(Number(raw));
  const retryAtMs = Date.parse(raw);
  const dateMs = Date.parse(headerValue(headers, 'date') ?? '');
  if (Number.isNaN(retryAtMs) || Number.isNaN(dateMs)) return undefined;
  return Math.max(0, Math.ceil((retryAtMs - dateMs) / 1000));
}

/** The server's explicit answer to "may I resend this?", and the header it came in. */
export interface ShouldRetry {
  header: string;
  retry: boolean;
}

/**
 * A `true`/`false` header in which the server says whether re-sending is worthwhile: Stripe's
 * `Stripe-Should-Retry` (https://docs.stripe.com/error-low-level#idempotency) and the
 * `x-should-retry` that the official OpenAI, Anthropic and Cloudflare SDKs obey. Undefined when
 * none of `names` is present with a boolean value.
 */
export function readShouldRetry(
  headers: readonly Header[],
  names: readonly string[],
): ShouldRetry | undefined {
  for (const name of names) {
    const value = headerValue(headers, name)?.trim().toLowerCase();
    if (value === 'true' || value === 'false') return { header: name, retry: value === 'true' };
  }
  return undefined;
}
