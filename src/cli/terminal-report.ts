import type { Diagnosis } from '../core/diagnosis.ts';
import type { EngineRecord, TriageFinding } from '../core/engine/index.ts';
import { redactPath, RedactionSession } from '../core/redact/index.ts';
import type { FailureRow } from '../core/view/failure-row.ts';

/**
 * triage's report for a person at a terminal: the failures table, one line per distinct action,
 * the cross-request findings, and a summary line. Tickets are long, so they are only in `--json`.
 */

export type Paint = (text: string) => string;

export interface TerminalStyle {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
}

const sgr =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const plain: Paint = (text) => text;

/** ANSI SGR colours, or identity functions when colour is off, so callers never branch on it. */
export function terminalStyle(colour: boolean): TerminalStyle {
  if (!colour) return { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
  };
}

/** Exchange indexes as `#2, #3, #9`, cut after `max` so a pattern seen 5,000 times stays one line. */
export function indexList(indexes: readonly number[], max = 10, total = indexes.length): string {
  const shown = indexes.slice(0, max).map((index) => `#${index}`);
  if (total > max) shown.push(`… +${total - max} more`);
  return shown.join(', ');
}

const MAX_PATH_CHARS = 70;

/**
 * The path column, redacted like the ticket's path (tables get pasted into chats too): no query
 * string (where API keys and emails sit in URLs), no host (the provider column says whose API it
 * is), and each segment through the detectors, one session for the whole table so the same value
 * gets the same placeholder on every row.
 */
export function displayPath(url: unknown, session: RedactionSession): string {
  if (typeof url !== 'string' || url === '') return '-';
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    // Some tools write relative URLs into HAR files: keep what precedes the query.
    path = url.split(/[?#]/, 1)[0] ?? '';
  }
  if (path === '') return '/';
  const redacted = redactPath(path, session);
  return redacted.length <= MAX_PATH_CHARS ? redacted : `${redacted.slice(0, MAX_PATH_CHARS - 1)}…`;
}

/** A failure as the table reads it: the engine's list row, its diagnosis and URL. */
interface Failure {
  row: FailureRow;
  diagnosis: Diagnosis;
  url: string;
}

interface Column {
  header: string;
  text: (failure: Failure, session: RedactionSession) => string;
  paint?: (failure: Failure, style: TerminalStyle) => Paint;
}

function seconds(value: number): string {
  return Number.isInteger(value) ? `${value}s` : `${value.toFixed(1)}s`;
}

/** The server's wait when it gave one, else the documented schedule, else nothing to wait for. */
function waitText({ diagnosis }: Failure): string {
  if (diagnosis.retryAfterS !== undefined) return seconds(diagnosis.retryAfterS);
  if (diagnosis.retry !== 'no' && diagnosis.backoffS.length > 0)
    return `backoff ${diagnosis.backoffS.join(',')}s`;
  return '-';
}

const statusPaint = ({ row }: Failure, style: TerminalStyle): Paint =>
  row.status === 0 || row.status >= 500 ? style.red : style.yellow;

const retryPaint = ({ row }: Failure, style: TerminalStyle): Paint =>
  row.retry === 'yes' ? style.green : row.retry === 'no' ? style.red : style.yellow;

const COLUMNS: readonly Column[] = [
  { header: '#', text: ({ row }) => String(row.id), paint: (_f, style) => style.dim },
  { header: 'METHOD', text: ({ row }) => row.method },
  { header: 'STATUS', text: ({ row }) => (row.status === 0 ? '-' : String(row.status)), paint: statusPaint },
  { header: 'PROVIDER', text: ({ row }) => row.provider, paint: (_f, style) => style.cyan },
  { header: 'CATEGORY', text: ({ row }) => row.category },
  { header: 'RETRY', text: ({ row }) => row.retry, paint: retryPaint },
  { header: 'WAIT', text: waitText },
  { header: 'PATH', text: ({ url }, session) => displayPath(url, session) },
];

/**
 * Rows are held back until this many failures are known, so the columns are padded to their
 * widest cell and the summary comes first. Past it, rows are written as they come (widths fixed
 * by the first ones), so a file with a million failures costs no memory.
 */
export const BUFFERED_ROWS = 1000;

/** Distinct actions, each with its first indexes and a count (bounded whatever the file). */
class ActionList {
  readonly #byAction = new Map<string, { indexes: number[]; count: number }>();

  add(action: string, index: number): void {
    const seen = this.#byAction.get(action);
    if (seen === undefined) this.#byAction.set(action, { indexes: [index], count: 1 });
    else {
      if (seen.indexes.length < 10) seen.indexes.push(index);
      seen.count++;
    }
  }

  lines(style: TerminalStyle): string[] {
    const lines = [style.bold('Actions')];
    for (const [action, { indexes, count }] of this.#byAction)
      lines.push(`  ${style.dim(indexList(indexes, 10, count))}: ${action}`);
    return lines;
  }
}

function findingLines(findings: readonly TriageFinding[], style: TerminalStyle): string[] {
  if (findings.length === 0) return [`${style.bold('Findings')}: none across requests`];
  const lines = [style.bold(`Findings (${findings.length})`)];
  for (const finding of findings)
    lines.push(
      `  ${style.yellow(finding.kind)} ${style.dim(`(${indexList(finding.entries)})`)}`,
      `    ${finding.message}`,
    );
  return lines;
}

/**
 * The terminal report, fed failure by failure as the engine reports them. Padding is computed on
 * the plain text and colour applied afterwards, since escape codes have no width on screen.
 */
export class TerminalReport {
  readonly #write: (text: string) => void | Promise<void>;
  readonly #file: string;
  readonly #style: TerminalStyle;
  readonly #session = new RedactionSession();
  readonly #actions = new ActionList();
  #held: { failure: Failure; cells: string[] }[] = [];
  #widths: number[] | undefined;
  #failed = 0;

  constructor(write: (text: string) => void | Promise<void>, file: string, style: TerminalStyle) {
    this.#write = write;
    this.#file = file;
    this.#style = style;
  }

  /** One failure (a record with a diagnosis); the returned promise is the sink's back-pressure. */
  add(record: EngineRecord): void | Promise<void> {
    const diagnosis = record.diagnosis;
    if (diagnosis === undefined || record.row === undefined) return;
    const failure: Failure = { row: record.row, diagnosis, url: record.exchange.url };
    this.#failed++;
    this.#actions.add(diagnosis.action, record.index);
    const cells = COLUMNS.map((column) => column.text(failure, this.#session));
    if (this.#widths !== undefined) return this.#write(`${this.#line(failure, cells)}\n`);
    this.#held.push({ failure, cells });
    if (this.#held.length < BUFFERED_ROWS) return;
    // Too many to hold: the table starts now, the totals follow it.
    this.#widths = this.#measure();
    const { bold } = this.#style;
    const lines = [
      bold(`${this.#file}: failed exchanges as they are read (totals at the end)`),
      '',
      ...this.#table(),
    ];
    return this.#write(`${lines.join('\n')}\n`);
  }

  /** The file is read: the totals, actions and findings. */
  end(entries: number, findings: readonly TriageFinding[]): void | Promise<void> {
    const { bold, dim } = this.#style;
    const summary = bold(
      `${this.#file}: ${entries} ${entries === 1 ? 'entry' : 'entries'}, ${this.#failed} failed`,
    );
    const lines: string[] = [];
    if (this.#widths === undefined) {
      lines.push(summary, '');
      if (this.#failed > 0) {
        this.#widths = this.#measure();
        lines.push(...this.#table(), '');
      }
    } else lines.push('', summary, '');
    if (this.#failed > 0) lines.push(...this.#actions.lines(this.#style), '');
    lines.push(...findingLines(findings, this.#style));
    if (this.#failed > 0) lines.push('', dim("Run with --json for each failure's redacted support ticket."));
    return this.#write(`${lines.join('\n')}\n`);
  }

  #measure(): number[] {
    // A reduce, not Math.max(...cells): there can be more rows than a call has argument slots.
    return COLUMNS.map((column, i) =>
      this.#held.reduce((widest, { cells }) => Math.max(widest, cells[i]?.length ?? 0), column.header.length),
    );
  }

  /** The header and the held rows (then released). */
  #table(): string[] {
    const header = COLUMNS.map((column, i) => this.#pad(column.header, i)).join('  ');
    const rows = this.#held.map(({ failure, cells }) => this.#line(failure, cells));
    this.#held = [];
    return [this.#style.bold(header), ...rows];
  }

  #pad(text: string, i: number): string {
    return i === COLUMNS.length - 1 ? text : text.padEnd(this.#widths?.[i] ?? 0);
  }

  #line(failure: Failure, cells: readonly string[]): string {
    return cells
      .map((text, i) => {
        const paint = COLUMNS[i]?.paint?.(failure, this.#style);
        return paint === undefined ? this.#pad(text, i) : paint(this.#pad(text, i));
      })
      .join('  ');
  }
}
