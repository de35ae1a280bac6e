import type { Attempt } from './attempt.ts';

/** How a message names an attempt's result: `HTTP 429`, or `a network failure` when nothing came back. */
export function outcomeLabel(attempt: Attempt): string {
  return attempt.status === 0 ? 'a network failure' : `HTTP ${attempt.status}`;
}
