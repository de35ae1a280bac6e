import type { HarEntry } from '../core/har.ts';
import type { TriageEntry } from '../core/engine/index.ts';
import { RedactionSession } from '../core/redact/index.ts';
import { displayPath } from './display-path.ts';
import type { Paint, TerminalStyle } from './terminal-style.ts';

interface Column {
  header: string;
  text: (entry: TriageEntry, url: unknown, session: RedactionSession) => string;
  paint?: (entry: TriageEntry, style: TerminalStyle) => Paint;
}

function seconds(value: number): string {
  return Number.isInteger(value) ? `${value}s` : `${value.toFixed(1)}s`;
}

/** The server's wait when it gave one, else the documented schedule, else nothing to wait for. */
function waitText(entry: TriageEntry): string {
  if (entry.retry_after_s !== null) return seconds(entry.retry_after_s);
  if (entry.retry !== 'no' && entry.backoff_s.length > 0) return `backoff ${entry.backoff_s.join(',')}s`;
  return '-';
}

const statusPaint = (entry: TriageEntry, style: TerminalStyle): Paint =>
  entry.status === 0 || entry.status >= 500 ? style.red : style.yellow;

const retryPaint = (entry: TriageEntry, style: TerminalStyle): Paint =>
  entry.retry === 'yes' ? style.green : entry.retry === 'no' ? style.red : style.yellow;

const COLUMNS: readonly Column[] = [
  { header: '#', text: (entry) => String(entry.index), paint: (_entry, style) => style.dim },
  { header: 'METHOD', text: (entry) => entry.method },
  {
    header: 'STATUS',
    text: (entry) => (entry.status === 0 ? '-' : String(entry.status)),
    paint: statusPaint,
  },
  { header: 'PROVIDER', text: (entry) => entry.provider, paint: (_entry, style) => style.cyan },
  { header: 'CATEGORY', text: (entry) => entry.category },
  { header: 'RETRY', text: (entry) => entry.retry, paint: retryPaint },
  { header: 'WAIT', text: waitText },
  { header: 'PATH', text: (_entry, url, session) => displayPath(url, session) },
];

/**
 * One row per failure, columns padded to their widest cell. Padding is computed on the plain text
 * and colour applied afterwards, since escape codes have no width on screen.
 */
export function formatTriageTable(
  entries: readonly TriageEntry[],
  harEntries: readonly HarEntry[],
  style: TerminalStyle,
): string[] {
  const session = new RedactionSession();
  const cells = entries.map((entry) =>
    COLUMNS.map((column) => column.text(entry, harEntries[entry.index]?.request?.url, session)),
  );
  // A reduce, not Math.max(...cells): a file can have more failures than a call has argument slots.
  const widths = COLUMNS.map((column, i) =>
    cells.reduce((widest, row) => Math.max(widest, row[i]?.length ?? 0), column.header.length),
  );
  const pad = (text: string, i: number): string =>
    i === COLUMNS.length - 1 ? text : text.padEnd(widths[i] ?? 0);
  const header = COLUMNS.map((column, i) => pad(column.header, i)).join('  ');
  const rows = cells.map((row, r) =>
    row
      .map((text, i) => {
        const entry = entries[r];
        const paint = entry === undefined ? undefined : COLUMNS[i]?.paint?.(entry, style);
        return paint === undefined ? pad(text, i) : paint(pad(text, i));
      })
      .join('  '),
  );
  return [style.bold(header), ...rows];
}
