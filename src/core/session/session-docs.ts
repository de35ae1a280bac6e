import type { DocRef } from '../diagnosis.ts';

/**
 * The doc paragraphs behind the session rules that do not depend on the failed response's own
 * diagnosis (the retry rules cite `diagnosis.doc`, the paragraph that gave the verdict and schedule).
 */
export const SESSION_DOCS = {
  /** "begin throttling" when RateLimit-Remaining drops below 15 % of RateLimit-Limit. */
  headroom: { file: 'persona.txt', section: '429 Too Many Requests' },
  /** Failure threshold 5 consecutive failures, timeout period 30 seconds. */
  circuitBreaker: { file: 'error-envelope.txt', section: 'Circuit Breaker Pattern' },
  /** The same idempotency key with different parameters is answered with an error. */
  // draft-ietf-httpapi-idempotency-key-header › "Error Scenarios" gives the same case a 422; the
  // message says so.
  keyReused: { file: 'persona.txt', section: 'Network errors' },
  /** Fallbacks for a failure without a doc of its own: the generic baseline, the session analyses. */
  policy: { file: 'DESIGN.md', section: 'The documented policy' },
  session: { file: 'DESIGN.md', section: 'Session analyses' },
} as const satisfies Record<string, DocRef>;
