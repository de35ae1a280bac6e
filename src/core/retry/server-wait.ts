import type { ErrorBody, RateLimitInfo } from '../diagnosis.ts';
import type { Header } from '../exchange.ts';
import { headerValue } from '../header-value.ts';
import type { ServerWait } from '../profiles/index.ts';
import { readRetryAfter } from '../rate-limit/index.ts';

/**
 * `retry-after-ms`: milliseconds, sent by OpenAI's and Anthropic's APIs next to Retry-After and read
 * first by their official SDKs (openai-node and anthropic-sdk-typescript, `retryRequest` in
 * src/client.ts), because Retry-After's whole seconds are too coarse for their short waits.
 */
function retryAfterMs(headers: readonly Header[]): ServerWait | undefined {
  const raw = headerValue(headers, 'retry-after-ms')?.trim();
  if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw)) return undefined;
  const seconds = Math.ceil(Number(raw)) / 1000;
  return {
    seconds,
    source: 'retry-after-ms',
    evidence: { source: 'header', detail: `retry-after-ms: ${raw} (${seconds} s)` },
  };
}

/**
 * A wait the response names outright: `retry-after-ms` where sent, the Retry-After header (RFC 9110
 * §10.2.3), else Google's RetryInfo detail (https://google.aip.dev/193#error_details).
 */
export function namedWait(headers: readonly Header[], error: ErrorBody | undefined): ServerWait | undefined {
  const precise = retryAfterMs(headers);
  if (precise !== undefined) return precise;
  const retryAfter = readRetryAfter(headers);
  if (retryAfter !== undefined)
    return {
      seconds: retryAfter,
      source: 'Retry-After',
      evidence: {
        source: 'header',
        detail: `Retry-After: ${headerValue(headers, 'retry-after')?.trim()} (${retryAfter} s)`,
      },
    };
  if (error?.retryDelayS !== undefined)
    return {
      seconds: error.retryDelayS,
      source: 'RetryInfo',
      evidence: { source: 'body', detail: `Google RetryInfo retryDelay ${error.retryDelayS} s` },
    };
  return undefined;
}

/**
 * The reset of a rate-limit window with nothing left: when the limit lifts. It is a wait only for a
 * request refused by that limit (a 404 that used the last unit of the window is still a 404).
 */
export function resetWait(rateLimit: RateLimitInfo | undefined): ServerWait | undefined {
  if (rateLimit?.resetS === undefined || rateLimit.remaining !== 0) return undefined;
  return {
    seconds: rateLimit.resetS,
    source: 'RateLimit reset',
    evidence: {
      source: 'header',
      detail: `${rateLimit.dialect} reset in ${rateLimit.resetS} s with 0 remaining`,
    },
  };
}
