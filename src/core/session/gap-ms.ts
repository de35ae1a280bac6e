import type { Attempt } from './attempt.ts';

/**
 * Milliseconds between `previous`'s response arriving and `attempt` being sent (the client's wait),
 * when both times are known. This is what Retry-After and a backoff schedule measure.
 */
export function gapMs(previous: Attempt, attempt: Attempt): number | undefined {
  if (previous.endMs === undefined || attempt.startMs === undefined) return undefined;
  return Math.max(0, attempt.startMs - previous.endMs);
}
