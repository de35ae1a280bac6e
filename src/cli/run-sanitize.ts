import { sanitizeHar } from '../core/redact/index.ts';
import type { CliIo } from './cli-io.ts';
import { EXIT_STATUS } from './exit-status.ts';
import { parseCliArgs } from './parse-cli-args.ts';
import { readHarFile } from './read-har-file.ts';
import { SANITIZE_USAGE } from './sanitize-usage.ts';
import { singleFileArgument } from './single-file-argument.ts';
import { warnSkippedEntries } from './warn-skipped-entries.ts';
import { writeErrorLine } from './write-error-line.ts';

const PROGRAM = 'sanitize';

function usageError(io: CliIo, message: string): number {
  writeErrorLine(io, PROGRAM, `${message} (see --help)`);
  return EXIT_STATUS.badInput;
}

/**
 * The sanitize command: the same export as the panel's "Export sanitized HAR", to stdout, indented
 * like the HAR files browsers write. Input errors are one stderr line and status 2.
 */
export function runSanitize(argv: readonly string[], io: CliIo): number {
  try {
    const parsed = parseCliArgs(argv, { flags: ['help'], valued: [] });
    if (!parsed.ok) return usageError(io, parsed.error);
    if (parsed.args.flags.has('help')) {
      io.stdout(SANITIZE_USAGE);
      return EXIT_STATUS.ok;
    }
    const file = singleFileArgument(parsed.args.positionals);
    if (!file.ok) return usageError(io, file.error);
    const read = readHarFile(file.file);
    if (!read.ok) {
      writeErrorLine(io, PROGRAM, `${file.file}: ${read.error}`);
      return EXIT_STATUS.badInput;
    }
    warnSkippedEntries(io, PROGRAM, file.file, read.skipped);
    io.stdout(`${JSON.stringify(sanitizeHar(read.har), null, 2)}\n`);
    return EXIT_STATUS.ok;
  } catch (error) {
    writeErrorLine(io, PROGRAM, `internal error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_STATUS.internal;
  }
}
