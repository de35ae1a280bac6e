import type { Finding } from '../finding.ts';

/**
 * Most exchange indexes one finding lists. A circuit-breaker streak or a headroom episode can run
 * for thousands of responses; the first index (what the finding is anchored on) and the most recent
 * ones are what a user clicks through, so the middle is dropped to keep an update O(1).
 */
export const MAX_FINDING_ENTRIES = 50;

/**
 * A new Finding value (same id) with `indexes` merged into its entries, ascending and without
 * duplicates, and the new message. Findings are never mutated, so a UI holding the previous value
 * sees a change by identity and can match rows by id.
 */
export function withEntries(finding: Finding, indexes: readonly number[], message: string): Finding {
  const entries = [...finding.entries];
  for (const index of indexes) {
    if (entries.includes(index)) continue;
    let at = entries.length;
    while (at > 0 && (entries[at - 1] ?? 0) > index) at--;
    entries.splice(at, 0, index);
  }
  if (entries.length > MAX_FINDING_ENTRIES) entries.splice(1, entries.length - MAX_FINDING_ENTRIES);
  return { ...finding, entries, message };
}
