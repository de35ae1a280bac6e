import type { Finding } from '../finding.ts';
import type { Attempt } from './attempt.ts';

/**
 * One session rule. It keeps its own bounded state (a BoundedMap) and looks at each attempt once,
 * in arrival order, returning the findings this attempt created or extended.
 */
export interface SessionDetector {
  add(attempt: Attempt): Finding[];
  /** Keys currently held, so tests can show memory stays bounded. */
  size(): number;
}
