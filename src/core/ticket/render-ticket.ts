import type { RemovedItem } from './ticket-draft.ts';
import type { TicketField } from './ticket-fields.ts';

/** The two lines the user fills in (ranex.txt › "Talking to support": expected vs got). */
export const FILL_IN = '(fill in)';

function removedLine(removed: readonly RemovedItem[]): string | undefined {
  if (removed.length === 0) return undefined;
  const byKind = new Map<string, number>();
  for (const item of removed) byKind.set(item.kind, (byKind.get(item.kind) ?? 0) + item.count);
  return [...byKind].map(([kind, count]) => `${count} ${kind}`).join(', ');
}

function title(fields: readonly TicketField[]): string {
  const request = fields.find((field) => field.label === 'Request')?.value ?? '';
  const status = fields.find((field) => field.label === 'Status')?.value ?? '';
  return `API error: ${request} → ${status}`;
}

/** The plain-text ticket: one `Label: value` per line, then the pair to fill in. */
export function renderTicketText(fields: readonly TicketField[], removed: readonly RemovedItem[]): string {
  const lines = [title(fields), '', ...fields.map((field) => `${field.label}: ${field.value}`)];
  lines.push('', `Expected: ${FILL_IN}`, `What happened: ${FILL_IN}`);
  const line = removedLine(removed);
  if (line !== undefined) lines.push('', `Removed before sharing: ${line}`);
  return `${lines.join('\n')}\n`;
}

/** An inline code span that survives backticks in the value (CommonMark §6.1). */
function code(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** The Markdown ticket: values in code spans so placeholders and ids render literally. */
export function renderTicketMarkdown(
  fields: readonly TicketField[],
  removed: readonly RemovedItem[],
): string {
  const lines = [`### ${code(title(fields))}`, ''];
  for (const field of fields) lines.push(`- **${field.label}:** ${code(field.value)}`);
  lines.push('', `**Expected:** ${FILL_IN}`, '', `**What happened:** ${FILL_IN}`);
  const line = removedLine(removed);
  if (line !== undefined) lines.push('', `_Removed before sharing: ${line}_`);
  return `${lines.join('\n')}\n`;
}
