import { rememberAttempt } from './remember-attempt.ts';
import type { Finding } from '../finding.ts';
import type { Attempt, Failure } from './attempt.ts';
import { BoundedMap } from './bounded-map.ts';
import { follows } from './follows.ts';
import { newFinding } from './new-finding.ts';
import { outcomeLabel } from './outcome-label.ts';
import type { SessionDetector } from './session-detector.ts';
import { SESSION_DOCS } from './session-docs.ts';
import { withEntries } from './with-entries.ts';

// RFC 9110 §9.2.2: POST and PATCH are the methods HTTP does not define as idempotent, so a repeat
// may act twice unless the server can recognise it.
const NON_IDEMPOTENT = new Set(['POST', 'PATCH']);

interface State {
  last: Attempt;
  finding: Finding | undefined;
}

function isUnprotectedRetry(previous: Attempt | undefined, attempt: Attempt): previous is Attempt {
  const failure = previous?.failure;
  return (
    previous !== undefined &&
    failure !== undefined &&
    (failure.class === 'server' || failure.class === 'network') &&
    // A keyless request its provider documents as safe to repeat (Ranex's POST /v1/applicants,
    // a PRIVO registration carrying a unique email) was already judged `yes`: no finding.
    !(failure.retry === 'yes' && previous.idempotencyKey === undefined) &&
    attempt.idempotencyKey === undefined &&
    follows(previous, attempt)
  );
}

/**
 * What would have made the repeat safe, in the provider's own terms: its documented mechanism where
 * it has one instead of a key (Ranex: a hash of endpoint + payload), else its key header.
 */
function remedy(failure: Failure): string {
  const { advice, header } = failure.idempotency;
  if (advice !== undefined) return advice;
  return `Send ${header === undefined ? 'an Idempotency-Key' : `the ${header}`} header with such requests so the server can recognise a repeat.`;
}

function message(previous: Attempt, attempt: Attempt, failure: Failure): string {
  return (
    `${attempt.label()} was sent again after ${outcomeLabel(previous)} without an idempotency key. ` +
    `The first attempt may have been carried out before it failed, and ${failure.providerName} cannot ` +
    `tell this repeat from a new request, so it may act twice. ${remedy(failure)}`
  );
}

/**
 * post_retry_without_idempotency_key: a POST or PATCH re-sent with the same URL and body right
 * after its previous attempt failed with a 5xx or no response (whose outcome is unknown: persona.txt
 * › "Server errors", "Network errors"), and the re-send carries no idempotency key header.
 * One finding per run of such re-sends.
 */
export function detectPostRetryWithoutIdempotencyKey(capacity: number): SessionDetector {
  const bySignature = new BoundedMap<string, State>(capacity);
  return {
    size: () => bySignature.size,
    add(attempt) {
      if (!NON_IDEMPOTENT.has(attempt.method)) return [];
      const state = bySignature.get(attempt.signature);
      const previous = state?.last;
      if (state === undefined || !isUnprotectedRetry(previous, attempt)) {
        rememberAttempt(bySignature, attempt, { last: attempt, finding: undefined });
        return [];
      }
      const failure = previous.failure;
      const text = failure === undefined ? '' : message(previous, attempt, failure);
      const indexes = [previous.index, attempt.index];
      const doc = failure?.doc ?? SESSION_DOCS.policy;
      const finding =
        state.finding === undefined
          ? newFinding('post_retry_without_idempotency_key', indexes, text, doc)
          : withEntries(state.finding, indexes, text);
      rememberAttempt(bySignature, attempt, { last: attempt, finding });
      return [finding];
    },
  };
}
