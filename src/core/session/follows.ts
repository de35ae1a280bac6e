import type { Attempt } from './attempt.ts';

// HAR times have millisecond resolution and a client may start its next attempt as soon as the
// response headers arrive, a little before the body has finished; 100 ms absorbs both.
const SLACK_MS = 100;

/**
 * Whether `attempt` was sent after `previous`'s response had arrived, so it can be a reaction to
 * it (a retry). Two requests in flight at once are parallel duplicates, not a retry. With unknown
 * times the arrival order is all there is, and it is trusted.
 */
export function follows(previous: Attempt, attempt: Attempt): boolean {
  if (previous.endMs === undefined || attempt.startMs === undefined) return true;
  return attempt.startMs >= previous.endMs - SLACK_MS;
}
