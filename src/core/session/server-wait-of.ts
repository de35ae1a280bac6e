import type { Diagnosis, RateLimitInfo } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { readRetryAfter } from '../rate-limit/read-retry-after.ts';

/** A wait the server asked for before the next attempt, and which field said so. */
export interface ServerWait {
  seconds: number;
  source: 'Retry-After' | 'RetryInfo' | 'RateLimit reset';
}

/**
 * The server-given wait after a failed response, most explicit field first: Retry-After
 * (RFC 9110 §10.2.3), then Google's RetryInfo.retryDelay from the body, then the rate-limit reset
 * — the latter only on a 429 whose window shows nothing left, since a reset time on a response with
 * requests to spare does not ask the client to wait. The same order and condition as the wait
 * `classify` reports, so a finding never contradicts the row it points at.
 */
export function serverWaitOf(
  exchange: Exchange,
  diagnosis: Diagnosis | undefined,
  rateLimit: RateLimitInfo | undefined,
): ServerWait | undefined {
  if (diagnosis === undefined) return undefined;
  const retryAfter = readRetryAfter(exchange.responseHeaders);
  if (retryAfter !== undefined) return { seconds: retryAfter, source: 'Retry-After' };
  const retryDelay = diagnosis.error?.retryDelayS;
  if (retryDelay !== undefined) return { seconds: retryDelay, source: 'RetryInfo' };
  const exhausted = exchange.status === 429 && (rateLimit?.remaining ?? 0) === 0;
  if (exhausted && rateLimit?.resetS !== undefined)
    return { seconds: rateLimit.resetS, source: 'RateLimit reset' };
  return undefined;
}
