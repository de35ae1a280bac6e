import type { ByteSource } from '../core/har-stream/index.ts';

/**
 * What a CLI run touches of its host, passed in so tests run the real commands in-process and the
 * bin stays wiring: the output streams, whether they are terminals, the environment and standard
 * input. Also the conventions every command shares: exit statuses, the one stderr line of a
 * failure, the progress line.
 */
export interface CliIo {
  /** Write to standard output; a returned promise means "wait before writing more" (back-pressure). */
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
  /** stdout is a terminal (colours and layout for people, not for pipes). */
  isTTY: boolean;
  /** stderr is a terminal (a progress line is shown there, never into a log file). */
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Standard input's file descriptor (`-` as the file name): a redirected file is read in place. */
  stdinFd: number | undefined;
  /** Standard input as a stream, for a pipe (read once, or copied first when read twice). */
  stdinStream: () => ByteSource;
}

/**
 * Exit statuses. Finding failures in a HAR is the command doing its job, so it exits 0. Every
 * failure is 2, the conventional "bad usage or bad input" status (grep and diff use it), whatever
 * its cause (issue 12: "every failure is one line on stderr and exit 2").
 */
export const EXIT_STATUS = { ok: 0, failed: 2 } as const;

// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * A message squeezed onto one terminal line: JSON.parse errors quote the input, which for a binary
 * file holds newlines and control characters, and the CLI contract promises exactly one line.
 */
export function oneLine(message: string, maxChars = 400): string {
  const flat = message.replace(CONTROL_OR_BREAK, ' ').replace(/\s+/g, ' ').trim();
  return flat.length <= maxChars ? flat : `${flat.slice(0, maxChars - 1)}…`;
}

/** One stderr line, prefixed with the command's name like Unix tools do. */
export function writeErrorLine(io: CliIo, program: string, message: string): void {
  io.stderr(`${program}: ${oneLine(message)}\n`);
}

/** The message of anything thrown, for the one stderr line (never its stack). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Colour only for a person at a terminal: never into a pipe or file, and never when NO_COLOR is
 * set to anything non-empty (https://no-color.org: "when present and not an empty string").
 */
export function useColour(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env['NO_COLOR'];
  return isTTY && (noColor === undefined || noColor === '');
}

/** Files from this size on get a progress line (when stderr is a terminal). */
export const PROGRESS_FROM_BYTES = 64 * 1024 * 1024;
const REDRAW_MS = 250;

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * A progress line on stderr for a large file, redrawn in place at most four times a second and
 * erased before anything else is written (so the one error line stays one line). Silent when
 * stderr is not a terminal or the file is small.
 */
export class ProgressLine {
  readonly #io: CliIo;
  readonly #label: string;
  #total: number | undefined;
  #shown = false;
  #last = 0;

  constructor(io: CliIo, label: string, total: number | undefined) {
    this.#io = io;
    this.#label = label;
    this.#total = total;
  }

  /** A new phase (sanitize reads the file twice) with its own label prefix. */
  phase(label: string, total: number | undefined): ProgressLine {
    this.clear();
    return new ProgressLine(this.#io, label, total);
  }

  update(bytes: number, entries: number): void {
    if (!this.#io.stderrIsTTY) return;
    const total = this.#total;
    if ((total ?? bytes) < PROGRESS_FROM_BYTES) return;
    const now = Date.now();
    if (now - this.#last < REDRAW_MS) return;
    this.#last = now;
    const share =
      total === undefined || total === 0 ? '' : ` (${Math.min(100, Math.floor((bytes / total) * 100))} %)`;
    const of = total === undefined ? '' : ` of ${megabytes(total)}`;
    this.#io.stderr(`\r\u001b[2K${this.#label}: ${megabytes(bytes)}${of}${share}, ${entries} entries`);
    this.#shown = true;
  }

  /** Erase the line (before the report's last lines or an error line). */
  clear(): void {
    if (!this.#shown) return;
    this.#io.stderr('\r\u001b[2K');
    this.#shown = false;
  }
}
