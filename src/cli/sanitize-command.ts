import { HarReadError, sanitizeHarStream } from '../core/har-stream/index.ts';
import { parseCliArgs, singleFileArgument } from './cli-args.ts';
import { EXIT_STATUS, ProgressLine, writeErrorLine, type CliIo } from './cli-io.ts';
import { describeInputError, ItemNotes, openHarInput } from './har-input.ts';

const PROGRAM = 'sanitize';

export const SANITIZE_USAGE = `Usage: api-error-inspector sanitize FILE.har > sanitized.har
   or: npm run --silent sanitize -- FILE.har > sanitized.har

Writes FILE.har to standard output with every secret and piece of personal data replaced by a
typed placeholder (headers, cookies, query strings, bodies), keeping every entry, method, status,
timing and non-secret header, so the result can be attached to a support ticket.

Options:
  -h, --help   show this help

FILE.har may be "-" to read standard input, and may be gzip-compressed (.har.gz). There is no size
limit: the file is read twice (once to find every sensitive value, once to write), one entry at a
time; standard input is first copied to a temporary file. A string too long to hold (over 32 MB)
is replaced by a placeholder saying so.

Exit status: 0 when the sanitized HAR was written;
             2 when the arguments are wrong, FILE is missing or not a HAR file, or anything else
               failed (one line on stderr; nothing is written for a file that is not a HAR).
`;

function usageError(io: CliIo, message: string): number {
  writeErrorLine(io, PROGRAM, `${message} (see --help)`);
  return EXIT_STATUS.failed;
}

/**
 * The sanitize command: the same sanitizer as the panel's "Export sanitized HAR", streamed to
 * stdout indented like the HAR files browsers write. The whole file is read (and checked) before
 * the first byte is written, so bad input leaves stdout empty.
 */
export async function runSanitize(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv, { flags: ['help'], valued: [] });
  if (!parsed.ok) return usageError(io, parsed.error);
  if (parsed.args.flags.has('help')) {
    await io.stdout(SANITIZE_USAGE);
    return EXIT_STATUS.ok;
  }
  const file = singleFileArgument(parsed.args.positionals);
  if (!file.ok) return usageError(io, file.error);
  const name = file.file;
  const opened = await openHarInput(name, io, true);
  if (!opened.ok) {
    writeErrorLine(io, PROGRAM, `${name}: ${opened.error}`);
    return EXIT_STATUS.failed;
  }
  const input = opened.input;
  const notes = new ItemNotes();
  let progress = new ProgressLine(io, `${PROGRAM}: reading ${name} (1 of 2)`, input.size);
  let failure: string | undefined;
  try {
    await sanitizeHarStream(() => input.open(), io.stdout, {
      onObserved: (items) => items.forEach((item) => notes.note(item)),
      beforeWriting: () => {
        const refusal = notes.refusal();
        if (refusal !== undefined) throw new HarReadError(refusal);
        progress = progress.phase(`${PROGRAM}: writing ${name} (2 of 2)`, input.size);
      },
      onProgress: (_pass, _bytes, count) => progress.update(input.bytesRead, count),
    });
  } catch (error) {
    failure = describeInputError(error);
  } finally {
    progress.clear();
    input.close();
  }
  if (failure !== undefined) {
    writeErrorLine(io, PROGRAM, `${name}: ${failure}`);
    return EXIT_STATUS.failed;
  }
  notes.warn(io, PROGRAM, name);
  return EXIT_STATUS.ok;
}
