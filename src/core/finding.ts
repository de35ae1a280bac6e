import type { DocRef } from './diagnosis.ts';

/** Kinds of pattern visible only across requests (DESIGN.md "Session analyses"). */
export type FindingKind =
  | 'retry_before_wait'
  | 'retry_without_backoff'
  | 'non_retryable_resent'
  | 'post_retry_without_idempotency_key'
  | 'idempotency_key_reused'
  | 'circuit_breaker'
  | 'rate_limit_headroom';

export interface Finding {
  kind: FindingKind;
  /** Exchange indexes concerned, ascending. */
  entries: number[];
  message: string;
  doc?: DocRef;
}
