import type { TriageFinding } from '../core/engine/index.ts';
import { indexList } from './index-list.ts';
import type { TerminalStyle } from './terminal-style.ts';

/** Session findings: the pattern's kind, what it means, and which exchanges show it. */
export function formatFindingList(findings: readonly TriageFinding[], style: TerminalStyle): string[] {
  if (findings.length === 0) return [`${style.bold('Findings')}: none across requests`];
  const lines = [style.bold(`Findings (${findings.length})`)];
  for (const finding of findings)
    lines.push(
      `  ${style.yellow(finding.kind)} ${style.dim(`(${indexList(finding.entries)})`)}`,
      `    ${finding.message}`,
    );
  return lines;
}
