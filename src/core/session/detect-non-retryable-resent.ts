import { rememberAttempt } from './remember-attempt.ts';
import type { Finding } from '../finding.ts';
import type { Attempt } from './attempt.ts';
import { BoundedMap } from './bounded-map.ts';
import { follows } from './follows.ts';
import { newFinding } from './new-finding.ts';
import { outcomeLabel } from './outcome-label.ts';
import type { SessionDetector } from './session-detector.ts';
import { SESSION_DOCS } from './session-docs.ts';
import { withEntries } from './with-entries.ts';

interface State {
  last: Attempt;
  finding: Finding | undefined;
  resends: number;
}

function isUnchangedResend(previous: Attempt | undefined, attempt: Attempt): previous is Attempt {
  const failure = previous?.failure;
  return (
    previous !== undefined &&
    failure?.retry === 'no' &&
    failure.class === 'client' &&
    previous.credentials() === attempt.credentials() &&
    follows(previous, attempt)
  );
}

function message(previous: Attempt, attempt: Attempt, resends: number): string {
  // persona.txt › "4xx and Idempotency": the cached error comes back for the same key.
  const sameKey =
    attempt.idempotencyKey !== undefined && attempt.idempotencyKey === previous.idempotencyKey
      ? ' With the same idempotency key the provider may simply replay the stored error.'
      : '';
  const count = resends > 1 ? ` (${resends} unchanged re-sends so far)` : '';
  return (
    `${attempt.label()} was sent again with the same URL, body and credentials after ${outcomeLabel(previous)}, ` +
    `which the provider does not want retried as is${count}: the same request will fail the same way, ` +
    `so fix it first.${sameKey}`
  );
}

/**
 * non_retryable_resent: a request sent again unchanged — same method, URL, body and credential
 * headers (a 401/403 is fixed in the headers) — right after its previous attempt got a 4xx whose
 * verdict is `no` (DESIGN.md "The documented policy"). One finding per run of such re-sends.
 */
export function detectNonRetryableResent(capacity: number): SessionDetector {
  const bySignature = new BoundedMap<string, State>(capacity);
  return {
    size: () => bySignature.size,
    add(attempt) {
      const state = bySignature.get(attempt.signature);
      const previous = state?.last;
      if (state === undefined || !isUnchangedResend(previous, attempt)) {
        rememberAttempt(bySignature, attempt, { last: attempt, finding: undefined, resends: 0 });
        return [];
      }
      const resends = state.resends + 1;
      const text = message(previous, attempt, resends);
      const indexes = [previous.index, attempt.index];
      const doc = previous.failure?.doc ?? SESSION_DOCS.policy;
      const finding =
        state.finding === undefined
          ? newFinding('non_retryable_resent', indexes, text, doc)
          : withEntries(state.finding, indexes, text);
      rememberAttempt(bySignature, attempt, { last: attempt, finding, resends });
      return [finding];
    },
  };
}
