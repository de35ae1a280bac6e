import type { Finding } from '../finding.ts';
import type { TriageFinding } from './triage-report.ts';

/** A session finding with exactly the keys the CLI contract lists (no id, no doc reference). */
export function triageFinding(finding: Finding): TriageFinding {
  return { kind: finding.kind, entries: [...finding.entries], message: finding.message };
}
