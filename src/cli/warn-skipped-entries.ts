import type { CliIo } from './cli-io.ts';
import { writeErrorLine } from './write-error-line.ts';

const SHOWN = 5;

/** One stderr line naming the log.entries items that were not entry objects and were skipped. */
export function warnSkippedEntries(
  io: CliIo,
  program: string,
  file: string,
  skipped: readonly number[],
): void {
  if (skipped.length === 0) return;
  const listed = skipped.slice(0, SHOWN).map((index) => `[${index}]`);
  const more = skipped.length > SHOWN ? ` and ${skipped.length - SHOWN} more` : '';
  writeErrorLine(
    io,
    program,
    `${file}: warning: log.entries${listed.join(', ')}${more} ${skipped.length === 1 ? 'is not an entry object' : 'are not entry objects'}; skipped, the other entries keep their indexes`,
  );
}
