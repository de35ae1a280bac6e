import type { TriageEntry } from '../core/engine/index.ts';
import { indexList } from './index-list.ts';
import type { TerminalStyle } from './terminal-style.ts';

/**
 * What to do next, one line per distinct action: a burst of identical 429s gives one line with
 * their indexes instead of the same sentence a hundred times.
 */
export function formatActionList(entries: readonly TriageEntry[], style: TerminalStyle): string[] {
  const byAction = new Map<string, number[]>();
  for (const entry of entries) {
    const indexes = byAction.get(entry.action);
    if (indexes === undefined) byAction.set(entry.action, [entry.index]);
    else indexes.push(entry.index);
  }
  const lines = [style.bold('Actions')];
  for (const [action, indexes] of byAction) lines.push(`  ${style.dim(indexList(indexes))}: ${action}`);
  return lines;
}
