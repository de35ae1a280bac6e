import { rememberAttempt } from './remember-attempt.ts';
import type { Finding } from '../finding.ts';
import type { Attempt } from './attempt.ts';
import { BoundedMap } from './bounded-map.ts';
import { follows } from './follows.ts';
import { formatSeconds } from './format-seconds.ts';
import { gapMs } from './gap-ms.ts';
import { newFinding } from './new-finding.ts';
import { outcomeLabel } from './outcome-label.ts';
import type { SessionDetector } from './session-detector.ts';
import { SESSION_DOCS } from './session-docs.ts';
import { withEntries } from './with-entries.ts';

// Retry-After has whole-second resolution and the HAR's `time` includes reading the body, which a
// client may not wait for before starting its timer: a retry up to 250 ms short is not reported.
const EARLY_SLACK_MS = 250;

interface State {
  last: Attempt;
  finding: Finding | undefined;
  early: number;
}

function message(previous: Attempt, attempt: Attempt, gap: number, early: number): string {
  const wait = previous.wait;
  const asked = wait === undefined ? '' : `${wait.seconds} s (${wait.source})`;
  const times = early > 1 ? ` (${early} early retries of this request so far)` : '';
  return (
    `${attempt.label()} was retried ${formatSeconds(gap)} after ${outcomeLabel(previous)}, ` +
    `but the server had asked for a wait of ${asked}; an early retry is refused again and may ` +
    `extend the block${times}.`
  );
}

/**
 * retry_before_wait: the same request (method + URL + body) sent again after a failed response that
 * named a wait (Retry-After, Google RetryInfo, an exhausted RateLimit window's reset), sooner than
 * that wait, measured from the response's arrival to the retry's start. One finding per run of
 * failures of that request, extended by each further early retry; a success ends the run.
 */
export function detectRetryBeforeWait(capacity: number): SessionDetector {
  const bySignature = new BoundedMap<string, State>(capacity);
  return {
    size: () => bySignature.size,
    add(attempt) {
      const state = bySignature.get(attempt.signature);
      const previous = state?.last;
      const open = previous?.failure === undefined ? undefined : state?.finding;
      const next: State = {
        last: attempt,
        finding: open,
        early: open === undefined ? 0 : (state?.early ?? 0),
      };
      rememberAttempt(bySignature, attempt, next);
      if (previous?.wait === undefined || !follows(previous, attempt)) return [];
      const gap = gapMs(previous, attempt);
      if (gap === undefined || gap >= previous.wait.seconds * 1000 - EARLY_SLACK_MS) return [];
      next.early += 1;
      const text = message(previous, attempt, gap, next.early);
      const indexes = [previous.index, attempt.index];
      next.finding =
        open === undefined
          ? newFinding('retry_before_wait', indexes, text, previous.failure?.doc ?? SESSION_DOCS.session)
          : withEntries(open, indexes, text);
      return [next.finding];
    },
  };
}
