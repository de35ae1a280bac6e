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
  /**
   * Stable identity while the finding grows (the session analyzer updates entries and message in
   * place as later exchanges extend the same pattern), so a UI can update a row instead of adding one.
   */
  id?: string;
  kind: FindingKind;
  /** Exchange indexes concerned, ascending. */
  entries: number[];
  message: string;
  doc?: DocRef;
}
