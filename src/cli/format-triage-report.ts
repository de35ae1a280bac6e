import type { HarEntry } from '../core/har.ts';
import type { TriageReport } from '../core/engine/index.ts';
import { formatActionList } from './format-action-list.ts';
import { formatFindingList } from './format-finding-list.ts';
import { formatTriageTable } from './format-triage-table.ts';
import type { TerminalStyle } from './terminal-style.ts';

/**
 * The report for a person at a terminal: a summary line, the failures table, the actions, the
 * cross-request findings. Tickets are long, so they are only in `--json`; the last line says so.
 */
export function formatTriageReport(
  file: string,
  report: TriageReport,
  harEntries: readonly HarEntry[],
  style: TerminalStyle,
): string {
  const failed = report.entries.length;
  const summary = `${file}: ${harEntries.length} ${harEntries.length === 1 ? 'entry' : 'entries'}, ${failed} failed`;
  const lines = [style.bold(summary), ''];
  if (failed > 0)
    lines.push(
      ...formatTriageTable(report.entries, harEntries, style),
      '',
      ...formatActionList(report.entries, style),
      '',
    );
  lines.push(...formatFindingList(report.findings, style));
  if (failed > 0) lines.push('', style.dim("Run with --json for each failure's redacted support ticket."));
  return `${lines.join('\n')}\n`;
}
