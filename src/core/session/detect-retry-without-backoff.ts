import { rememberAttempt } from './remember-attempt.ts';
import type { Finding } from '../finding.ts';
import type { Attempt, Failure } from './attempt.ts';
import { BoundedMap } from './bounded-map.ts';
import { follows } from './follows.ts';
import { formatSeconds } from './format-seconds.ts';
import { gapMs } from './gap-ms.ts';
import { newFinding } from './new-finding.ts';
import { outcomeLabel } from './outcome-label.ts';
import type { SessionDetector } from './session-detector.ts';
import { MAX_FINDING_ENTRIES, withEntries } from './with-entries.ts';

/*
 * The rule, precisely.
 * A retry chain is the attempts of one request (method + URL + body), each sent after the previous
 * one's response arrived, where that response failed with a verdict other than `no` (a `no` is
 * non_retryable_resent's business). A success, a `no` or two attempts in flight at once end the chain.
 * For the k-th retry (k = 1 for the second attempt), gap_k is the time from the previous response's
 * arrival to this send. A retry is reported when either holds:
 *  (a) schedule: the failed response's diagnosis documents a schedule s (seconds, e.g. persona.txt ›
 *      "429 Too Many Requests": 5, 10, 20, 40) and gap_k < SCHEDULE_SHARE × s[k-1] (beyond the list
 *      the last wait repeats, capped at backoffCapS). SCHEDULE_SHARE is 0.9 (timer and rounding
 *      slack), or 0.5 when the doc asks for jitter (error-envelope.txt › "Retry Guidelines": jitter
 *      may take up to half a wait away, the common "equal jitter" form);
 *  (b) growth: k ≥ 2 (three or more attempts) and gap_k < GROWTH × gap_{k-1} or
 *      gap_k < gap_{k-1} + 100 ms. GROWTH is 1.2, or 1.0 with documented jitter (jittered doubling
 *      never shrinks a wait below the previous one's maximum); the 100 ms step keeps a tight loop
 *      with a few ms of noise from passing as "growing".
 * A wait the server named (Retry-After, RetryInfo, a reset) is exempt from both and is never compared
 * with: following the server's number is right even when it is short or flat (retry_before_wait
 * checks those). One finding per chain, extended by every further reported retry.
 */
const SCHEDULE_SHARE = 0.9;
const SCHEDULE_SHARE_WITH_JITTER = 0.5;
const GROWTH = 1.2;
const GROWTH_WITH_JITTER = 1;
const MIN_STEP_MS = 100;
const GAPS_SHOWN = 5;

interface Chain {
  last: Attempt;
  indexes: number[];
  retries: number;
  gapsMs: number[];
  /** The previous client-chosen gap; undefined when it was server-dictated or unknown. */
  previousGapMs: number | undefined;
  finding: Finding | undefined;
}

function scheduledSeconds(failure: Failure, k: number): number | undefined {
  const schedule = failure.backoffS;
  const nominal = schedule[Math.min(k, schedule.length) - 1];
  if (nominal === undefined) return undefined;
  return Math.min(nominal, failure.backoffCapS ?? Number.POSITIVE_INFINITY);
}

function scheduleProblem(failure: Failure, k: number, gap: number): string | undefined {
  const nominal = scheduledSeconds(failure, k);
  const share = failure.jitter ? SCHEDULE_SHARE_WITH_JITTER : SCHEDULE_SHARE;
  if (nominal === undefined || gap >= nominal * 1000 * share) return undefined;
  const jitter = failure.jitter ? ', with jitter' : '';
  return (
    `retry ${k} went out ${formatSeconds(gap)} after the failure, where the ${failure.providerName} ` +
    `schedule (${failure.backoffS.join(', ')} s${jitter}) asks for about ${nominal} s`
  );
}

function growthProblem(chain: Chain, failure: Failure, k: number, gap: number): string | undefined {
  const before = chain.previousGapMs;
  if (k < 2 || before === undefined) return undefined;
  const growth = failure.jitter ? GROWTH_WITH_JITTER : GROWTH;
  if (gap >= before * growth && gap >= before + MIN_STEP_MS) return undefined;
  const shown = [...chain.gapsMs, gap].slice(-GAPS_SHOWN).map(formatSeconds).join(', ');
  return `the waits between attempts (${shown}) do not grow, so the failure is hit at a steady rate instead of backing off`;
}

function message(attempt: Attempt, previous: Attempt, failure: Failure, k: number, problem: string): string {
  const max = failure.maxAttempts;
  const limit = max !== undefined && k + 1 > max ? ` The doc allows at most ${max} attempts.` : '';
  const times = k === 1 ? 'once' : `${k} times`;
  return `${attempt.label()} was retried ${times} after ${outcomeLabel(previous)}: ${problem}.${limit}`;
}

function startChain(attempt: Attempt): Chain {
  return {
    last: attempt,
    indexes: [attempt.index],
    retries: 0,
    gapsMs: [],
    previousGapMs: undefined,
    finding: undefined,
  };
}

/** The chain after one more retry; `gap` is undefined when the server dictated it or times are unknown. */
function extendChain(chain: Chain, attempt: Attempt, gap: number | undefined): Chain {
  return {
    last: attempt,
    indexes: [...chain.indexes, attempt.index].slice(-MAX_FINDING_ENTRIES),
    retries: chain.retries + 1,
    gapsMs: gap === undefined ? [] : [...chain.gapsMs, gap].slice(-GAPS_SHOWN),
    previousGapMs: gap,
    finding: chain.finding,
  };
}

/** retry_without_backoff: see the rule above. */
export function detectRetryWithoutBackoff(capacity: number): SessionDetector {
  const bySignature = new BoundedMap<string, Chain>(capacity);
  return {
    size: () => bySignature.size,
    add(attempt) {
      const chain = bySignature.get(attempt.signature);
      const previous = chain?.last;
      const failure = previous?.failure;
      if (
        chain === undefined ||
        previous === undefined ||
        failure === undefined ||
        failure.retry === 'no' ||
        !follows(previous, attempt)
      ) {
        rememberAttempt(bySignature, attempt, startChain(attempt));
        return [];
      }
      const k = chain.retries + 1;
      const gap = previous.wait === undefined ? gapMs(previous, attempt) : undefined;
      const next = extendChain(chain, attempt, gap);
      rememberAttempt(bySignature, attempt, next);
      if (gap === undefined) return [];
      const problem = scheduleProblem(failure, k, gap) ?? growthProblem(chain, failure, k, gap);
      if (problem === undefined) return [];
      const text = message(attempt, previous, failure, k, problem);
      next.finding =
        chain.finding === undefined
          ? newFinding('retry_without_backoff', next.indexes, text, failure.doc)
          : withEntries(chain.finding, [attempt.index], text);
      return [next.finding];
    },
  };
}
