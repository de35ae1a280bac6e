import type { DocRef } from '../diagnosis.ts';

/**
 * The doc paragraphs behind the session rules that do not depend on the failed response's own
 * diagnosis (the retry rules cite `diagnosis.doc`, the paragraph that gave the verdict and schedule).
 */
export const SESSION_DOCS = {
  /** "begin throttling" when RateLimit-Remaining drops below 15 % of RateLimit-Limit. */
  headroom: {
    title: 'Persona documentation',
    section: '429 Too Many Requests',
    url: 'https://docs.withpersona.com/reference/errors',
  },
  /** Failure threshold 5 consecutive failures, timeout period 30 seconds. */
  circuitBreaker: {
    title: 'Error-envelope API reference › Error handling',
    section: 'Circuit Breaker Pattern',
  },
  /** The same idempotency key with different parameters is answered with an error (422). */
  keyReused: {
    title: 'IETF draft-ietf-httpapi-idempotency-key-header',
    section: 'Error Scenarios',
    url: 'https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/',
  },
  /** Fallbacks for a failure without a doc of its own: what HTTP says about repeats and waits. */
  policy: {
    title: 'RFC 9110 HTTP Semantics',
    section: '9.2.2 Idempotent Methods',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-9.2.2',
  },
  session: {
    title: 'RFC 9110 HTTP Semantics',
    section: '10.2.3 Retry-After',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
  },
} as const satisfies Record<string, DocRef>;
