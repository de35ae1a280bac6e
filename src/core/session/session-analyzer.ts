import type { Diagnosis } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import type { Finding } from '../finding.ts';
import { attemptOf } from './attempt-of.ts';
import type { Attempt } from './attempt.ts';
import { BoundedMap } from './bounded-map.ts';
import { detectCircuitBreaker } from './detect-circuit-breaker.ts';
import { detectIdempotencyKeyReused } from './detect-idempotency-key-reused.ts';
import { detectNonRetryableResent } from './detect-non-retryable-resent.ts';
import { detectPostRetryWithoutIdempotencyKey } from './detect-post-retry-without-idempotency-key.ts';
import { detectRateLimitHeadroom } from './detect-rate-limit-headroom.ts';
import { detectRetryBeforeWait } from './detect-retry-before-wait.ts';
import { detectRetryWithoutBackoff } from './detect-retry-without-backoff.ts';
import type { SessionDetector } from './session-detector.ts';

/**
 * Keys (request signatures, idempotency keys, hosts) each rule remembers. A retry comes within
 * seconds or minutes of its previous attempt, so a request that has not been seen for this many
 * other requests is forgotten.
 */
export const KEYS_PER_RULE = 1000;
/** Findings kept; past this the least recently updated one is dropped (a session that produces more is unreadable anyway). */
export const MAX_FINDINGS = 1000;

export interface SessionAnalyzerOptions {
  /**
   * The clock, epoch ms, used only for exchanges without a start time (`startedMs` 0): the panel
   * passes `Date.now` and the time a request is reported stands in for its arrival. Without it such
   * exchanges are left out of the timing rules.
   */
  now?: () => number;
}

function detectors(): SessionDetector[] {
  return [
    detectRetryBeforeWait(KEYS_PER_RULE),
    detectRetryWithoutBackoff(KEYS_PER_RULE),
    detectNonRetryableResent(KEYS_PER_RULE),
    detectPostRetryWithoutIdempotencyKey(KEYS_PER_RULE),
    detectIdempotencyKeyReused(KEYS_PER_RULE),
    detectCircuitBreaker(KEYS_PER_RULE),
    detectRateLimitHeadroom(KEYS_PER_RULE),
  ];
}

/**
 * Patterns only visible across requests (DESIGN.md "Session analyses"), computed as exchanges
 * arrive. Every rule keeps bounded per-key state, so one `add` costs the same for the 100,000th
 * exchange as for the 10th. A finding keeps its `id` while later exchanges extend it; each update
 * is a new object (never mutated), so a UI can match by id and notice changes by identity.
 */
export class SessionAnalyzer {
  readonly #now: (() => number) | undefined;
  #detectors = detectors();
  #findings = new BoundedMap<string, Finding>(MAX_FINDINGS);

  constructor(options: SessionAnalyzerOptions = {}) {
    this.#now = options.now;
  }

  /**
   * Feed one exchange, in arrival order. `diagnosis` is the exchange's classification when it
   * failed and undefined when it succeeded. Returns the findings this exchange created or updated.
   */
  add(exchange: Exchange, diagnosis: Diagnosis | undefined): Finding[] {
    return this.addAttempt(this.attemptOf(exchange, diagnosis));
  }

  /**
   * What the rules read from one exchange. A host that keeps exchanges can keep this instead of a
   * success's bodies and replay it (`addAttempt`) after a reclassification: a success's attempt
   * does not depend on any setting. `now` overrides the analyzer's clock, so a replayed exchange
   * without a start time keeps the arrival time it was first seen at.
   */
  attemptOf(exchange: Exchange, diagnosis: Diagnosis | undefined, now = this.#now): Attempt {
    return attemptOf(exchange, diagnosis, now);
  }

  /** Feed one attempt built by `attemptOf`, in arrival order; same result as `add`. */
  addAttempt(attempt: Attempt): Finding[] {
    const changed = new Map<string, Finding>();
    for (const detector of this.#detectors)
      for (const finding of detector.add(attempt)) changed.set(finding.id ?? finding.kind, finding);
    for (const [id, finding] of changed) this.#findings.set(id, finding);
    return [...changed.values()];
  }

  /** Every finding so far, ordered by the first exchange it concerns. */
  findings(): Finding[] {
    const all = [...this.#findings.values()];
    return all.sort((a, b) => (a.entries[0] ?? 0) - (b.entries[0] ?? 0) || a.kind.localeCompare(b.kind));
  }

  reset(): void {
    this.#detectors = detectors();
    this.#findings = new BoundedMap<string, Finding>(MAX_FINDINGS);
  }

  /** Keys held across all rules plus findings kept: bounded, whatever the session's length. */
  stateSize(): number {
    return this.#detectors.reduce((sum, detector) => sum + detector.size(), this.#findings.size);
  }
}
