import type { CliIo } from './cli-io.ts';
import { oneLine } from './one-line.ts';

/** The one stderr line of a failed run, prefixed with the command's name like Unix tools do. */
export function writeErrorLine(io: CliIo, program: string, message: string): void {
  io.stderr(`${program}: ${oneLine(message)}\n`);
}
