import type { Diagnosis, RateLimitInfo } from '../diagnosis.ts';
import type { ServerWait } from './server-wait-of.ts';

/**
 * The part of a failed exchange's Diagnosis the session rules use. Only this is kept per key, not
 * the whole Diagnosis, whose error body and evidence could be large.
 */
export type Failure = Pick<
  Diagnosis,
  | 'provider'
  | 'providerName'
  | 'class'
  | 'category'
  | 'retry'
  | 'backoffS'
  | 'backoffCapS'
  | 'maxAttempts'
  | 'jitter'
  | 'doc'
  | 'idempotency'
>;

/**
 * What the session detectors need from one exchange, computed once per `add`. Texts that may be
 * long or sensitive (URL, body, credentials, idempotency key) are kept only as hashes (or, for a short method + URL + body, as the text).
 */
export interface Attempt {
  index: number;
  /** Upper-case request method. */
  method: string;
  /** Lower-case `host[:port]` of the URL, '' when the URL is unreadable. */
  host: string;
  /** `METHOD host/path` without the query string (which may carry keys), path redacted, for messages. */
  label: () => string;
  /** Hash of method + full URL + request body: "the same request" for retry detection. */
  signature: string;
  /**
   * Hash of the request's credential headers, so a request with fixed credentials is not
   * "unchanged". Computed on first call (and kept): only a re-send after a 4xx ever asks, and
   * hashing every exchange's Cookie and Authorization values was a tenth of the triage profile.
   */
  credentials: () => string;
  /** Hash of the idempotency key value, when the request carried one. */
  idempotencyKey?: string;
  /** Header name the key came in, for messages. */
  idempotencyHeader?: string;
  /** When the request was sent and its response fully arrived, epoch ms; undefined when unknown. */
  startMs?: number;
  endMs?: number;
  status: number;
  /** Present exactly when the exchange failed (the SessionAnalyzer contract). */
  failure?: Failure;
  /** The wait the server asked for before a retry, on a failed response. */
  wait?: ServerWait;
  rateLimit?: RateLimitInfo;
}
