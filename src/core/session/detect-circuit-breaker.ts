import type { Finding } from '../finding.ts';
import type { Attempt } from './attempt.ts';
import { BoundedMap } from './bounded-map.ts';
import { newFinding } from './new-finding.ts';
import type { SessionDetector } from './session-detector.ts';
import { SESSION_DOCS } from './session-docs.ts';
import { withEntries } from './with-entries.ts';

// error-envelope.txt › "Circuit Breaker Pattern": failure threshold 5 consecutive failures, then a
// 30-second timeout period before recovering with a few requests. Exported for the retry timeline,
// which draws where the breaker opens (the THRESHOLD-th entry of the finding) and its pause.
export const CIRCUIT_BREAKER = { threshold: 5, pauseMs: 30_000 } as const;
const THRESHOLD = CIRCUIT_BREAKER.threshold;
const PAUSE_MS = CIRCUIT_BREAKER.pauseMs;

interface Streak {
  failures: number;
  /** The failures up to the threshold; later ones go straight into the finding. */
  indexes: number[];
  /** When the threshold-reaching response arrived: the pause starts there. */
  openedMs: number | undefined;
  /** Requests sent within the pause. */
  duringPause: number;
  finding: Finding | undefined;
}

/**
 * Failures that say the host (or our share of it) is struggling: 5xx, no response, 408 and 429.
 * Other 4xx are answers about the request itself from a healthy host, so they neither count nor
 * break the streak; only a success does.
 */
function isHostFailure(attempt: Attempt): boolean {
  const failure = attempt.failure;
  if (failure === undefined) return false;
  return failure.class !== 'client' || failure.category === 'rate_limited' || attempt.status === 408;
}

function sentDuringPause(streak: Streak, attempt: Attempt): boolean {
  if (streak.openedMs === undefined || attempt.startMs === undefined) return false;
  return attempt.startMs >= streak.openedMs && attempt.startMs < streak.openedMs + PAUSE_MS;
}

function message(host: string, streak: Streak): string {
  const pause =
    streak.duringPause === 0
      ? ''
      : ` Yet ${streak.duringPause === 1 ? 'one more request' : `${streak.duringPause} more requests`} went to it within those 30 s.`;
  return (
    `${streak.failures} failures in a row from ${host} (server errors, timeouts, rate limits or no response, ` +
    `no success in between). A circuit breaker would stop sending to this host here and wait 30 s ` +
    `before trying again with a few requests.${pause}`
  );
}

function freshStreak(): Streak {
  return { failures: 0, indexes: [], openedMs: undefined, duringPause: 0, finding: undefined };
}

/**
 * circuit_breaker: THRESHOLD consecutive host failures (see isHostFailure) to one host. One finding
 * per streak, created at the threshold and extended by every further failure and by every request
 * sent within PAUSE_MS of the threshold; a success ends the streak.
 */
export function detectCircuitBreaker(capacity: number): SessionDetector {
  const byHost = new BoundedMap<string, Streak>(capacity);
  return {
    size: () => byHost.size,
    add(attempt) {
      if (attempt.host === '') return [];
      const streak = byHost.get(attempt.host) ?? freshStreak();
      const hostFailure = isHostFailure(attempt);
      const paused = sentDuringPause(streak, attempt);
      if (paused) streak.duringPause += 1;
      if (hostFailure) streak.failures += 1;
      if (hostFailure && streak.failures <= THRESHOLD) streak.indexes.push(attempt.index);
      const text = message(attempt.host, streak);
      if (hostFailure && streak.failures === THRESHOLD) {
        streak.openedMs = attempt.endMs;
        streak.finding = newFinding('circuit_breaker', streak.indexes, text, SESSION_DOCS.circuitBreaker);
      } else if (streak.finding !== undefined && (hostFailure || paused)) {
        streak.finding = withEntries(streak.finding, [attempt.index], text);
      }
      const changed = streak.finding !== undefined && (hostFailure || paused) ? [streak.finding] : [];
      byHost.set(attempt.host, attempt.failure === undefined ? freshStreak() : streak);
      return changed;
    },
  };
}
