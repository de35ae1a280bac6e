import type { DocRef } from '../diagnosis.ts';
import type { Finding, FindingKind } from '../finding.ts';
import { withEntries } from './with-entries.ts';

/**
 * A finding anchored on its first exchange. The id `kind:firstIndex` is unique because each rule
 * starts at most one finding per exchange, and stable across updates (later indexes never precede
 * the anchor) and across re-analysing the same session.
 */
export function newFinding(
  kind: FindingKind,
  indexes: readonly number[],
  message: string,
  doc: DocRef,
): Finding {
  const first = Math.min(...indexes);
  return withEntries({ id: `${kind}:${first}`, kind, entries: [], message, doc }, indexes, message);
}
