import type { ErrorBody, Evidence, RateLimitInfo } from '../diagnosis.ts';
import type { Header } from '../exchange.ts';
import { headerValue } from '../header-value.ts';
import { readRetryAfter } from '../rate-limit/read-retry-after.ts';

export interface ServerWait {
  seconds: number;
  evidence: Evidence;
}

/** A rate-limit reset only says when to retry a request that was refused for the rate limit. */
function resetWait(status: number, rateLimit: RateLimitInfo | undefined): ServerWait | undefined {
  if (status !== 429 || rateLimit?.resetS === undefined) return undefined;
  if (rateLimit.remaining !== undefined && rateLimit.remaining > 0) return undefined;
  return {
    seconds: rateLimit.resetS,
    evidence: { source: 'header', detail: `${rateLimit.dialect} reset in ${rateLimit.resetS} s` },
  };
}

/**
 * How long the server asked the client to wait, from the most explicit signal present: the
 * Retry-After header (RFC 9110 §10.2.3), Google's RetryInfo detail, then a rate-limit reset time.
 */
export function serverWait(
  headers: readonly Header[],
  status: number,
  error: ErrorBody | undefined,
  rateLimit: RateLimitInfo | undefined,
): ServerWait | undefined {
  const retryAfter = readRetryAfter(headers);
  if (retryAfter !== undefined)
    return {
      seconds: retryAfter,
      evidence: {
        source: 'header',
        detail: `Retry-After: ${headerValue(headers, 'retry-after')?.trim()} (${retryAfter} s)`,
      },
    };
  if (error?.retryDelayS !== undefined)
    return {
      seconds: error.retryDelayS,
      evidence: { source: 'body', detail: `Google RetryInfo retryDelay ${error.retryDelayS} s` },
    };
  return resetWait(status, rateLimit);
}
