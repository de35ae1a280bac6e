/**
 * The classifier's vocabulary. The string values are a public contract: the CLI's --json output
 * and the panel's data-* test hooks carry them verbatim (DESIGN.md "CLI contract").
 *
 * A provider id is a built-in's (`BuiltInProviderId` in profiles/, derived from the registry) or
 * the id of a profile a user or team loaded, hence a string.
 */
export type ProviderId = string;

export const CATEGORIES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'unprocessable',
  'rate_limited',
  'quota_exceeded',
  'client_error',
  'server_error',
  'bad_gateway',
  'service_unavailable',
  'gateway_timeout',
  'network_error',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type ErrorClass = 'client' | 'server' | 'network';

/** yes: re-send after the wait; no: not unchanged; conditional: only if the operation is idempotent. */
export type RetryVerdict = 'yes' | 'no' | 'conditional';

/** Where a rule comes from: the public document, the section in it, and its link when there is one. */
export interface DocRef {
  /** A readable name of the document (`Stripe documentation`, `RFC 9110 HTTP Semantics`). */
  title: string;
  /** The section heading (or table row) the rule encodes, quoted from the doc. */
  section: string;
  /** The public page for that section, when known. */
  url?: string;
}

/** One thing that decided part of a Diagnosis, shown to the user ("why this verdict"). */
export interface Evidence {
  source: 'mapping' | 'host' | 'header' | 'body' | 'status' | 'method' | 'rule';
  detail: string;
}

/** What a body format yields (DESIGN.md "ErrorBody"). Every field is optional. */
export interface ErrorBody {
  /** Which format matched, e.g. `problem+json`, `jsonapi`, `google`, `error-object`, `graphql`. */
  format: string;
  code?: string;
  type?: string;
  title?: string;
  message?: string;
  /** The offending parameter (`param`) or JSON pointer (`source.pointer`, problem `pointer`). */
  param?: string;
  requestId?: string;
  docUrl?: string;
  /** Extra machine-readable detail (Google details[], envelope `details`, GraphQL paths…). */
  details?: unknown;
  /** Google RetryInfo retryDelay, in seconds, when the body carried one. */
  retryDelayS?: number;
  /** Google QuotaFailure present, or another quota-exhaustion marker in the body. */
  quotaFailure?: boolean;
}

/** Rate-limit figures from any header dialect, normalised. Seconds are relative to the response. */
export interface RateLimitInfo {
  /** Which dialect: `ratelimit` (structured field), `ratelimit-*`, `x-ratelimit-*`. */
  dialect: string;
  limit?: number;
  remaining?: number;
  resetS?: number;
  policy?: string;
}

export interface IdempotencyAdvice {
  /** The Idempotency-Key (or provider equivalent) the request carried, if any. */
  keySent?: string;
  /** What the retry must do with the key: reuse it, use a new one, or no key involved. */
  retryKey: 'same' | 'new' | 'none';
  /** The header the provider reads the key from, when it documents one. */
  header?: string;
  /** How to avoid duplicates where the provider documents another mechanism than a key. */
  advice?: string;
}

export interface Diagnosis {
  provider: ProviderId;
  /** The provider's display name (`Persona`, `Generic HTTP API`). */
  providerName: string;
  /** What decided the provider (mapping, host, body shape, or the generic fallback). */
  recognizedBy: Evidence;
  class: ErrorClass;
  category: Category;
  retry: RetryVerdict;
  /** Server-given wait in seconds (Retry-After, RateLimit reset, Google RetryInfo). */
  retryAfterS?: number;
  /** Which field gave `retryAfterS`: `Retry-After`, `RetryInfo`, `RateLimit reset`, … */
  waitSource?: string;
  /** For `conditional`: what makes repeating the request safe. */
  condition?: string;
  /** Documented backoff schedule in seconds, empty when the doc gives none or retry is `no`. */
  backoffS: number[];
  /** Documented cap on one wait, seconds (Ranex: ~30 s). */
  backoffCapS?: number;
  /** Documented maximum number of attempts (error-envelope: 3). */
  maxAttempts?: number;
  /** The doc asks for jitter on the schedule. */
  jitter: boolean;
  idempotency: IdempotencyAdvice;
  /** What the client should do next, in our own words; its timing always agrees with `retry`. */
  action: string;
  evidence: Evidence[];
  doc: DocRef;
  error?: ErrorBody;
  rateLimit?: RateLimitInfo;
}
