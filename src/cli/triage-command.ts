import {
  KEEP_NOTHING,
  TriageEngine,
  triageEntry,
  triageFinding,
  type EngineRecord,
  type TriageFinding,
} from '../core/engine/index.ts';
import { jsonAtDepth, readHarItems } from '../core/har-stream/index.ts';
import { BUILT_IN_PROVIDER_IDS } from '../core/profiles/index.ts';
import { loadProfileFiles, parseTriageArgs, profileFilesOf } from './cli-args.ts';
import { EXIT_STATUS, ProgressLine, errorText, useColour, writeErrorLine, type CliIo } from './cli-io.ts';
import { describeInputError, ItemNotes, openHarInput } from './har-input.ts';
import { TerminalReport, terminalStyle } from './terminal-report.ts';

const PROGRAM = 'triage';

export const TRIAGE_USAGE = `Usage: api-error-inspector triage [--json] [--map HOST=PROFILE]... [--profile FILE.json]... FILE.har
   or: npm run --silent triage -- [--json] [--map HOST=PROFILE]... [--profile FILE.json]... FILE.har

Lists the failed API calls in a HAR file (HTTP status >= 400, no response, or GraphQL errors in a
2xx response, or an error event in a 2xx event stream), classified by the provider's documented
error policy, with retry advice, and the patterns only visible across requests (retries too early,
no backoff, rate-limit headroom, ...).

Options:
  --json                 print one JSON object {"entries": [...], "findings": [...]} instead of
                         the table (indented on a terminal, one line into a pipe); each entry
                         carries a redacted support ticket in "ticket"
  --map HOST=PROFILE     treat requests to HOST as PROFILE (repeatable); profiles:
                         ${BUILT_IN_PROVIDER_IDS.join(', ')},
                         or the id of a profile loaded with --profile
  --profile FILE.json    load a provider profile (format version 1, see
                         src/core/profiles/profile.schema.json) and recognise it before the
                         built-in ones (repeatable; a profile with a built-in's id replaces it)
  -h, --help             show this help

FILE.har may be "-" to read standard input, and may be gzip-compressed (.har.gz). There is no size
limit: entries are read one at a time. Colours only on a terminal, and never when NO_COLOR is set.

Exit status: 0 when the file was triaged, whether or not it contains failures;
             2 when the arguments are wrong, a profile is invalid, FILE is missing or not a HAR
               file, or anything else failed (one line on stderr; what was read before is still
               reported).
`;

/** How far below a sink's pressure the report keeps its own buffer before writing. */
const WRITE_CHARS = 64 * 1024;

/**
 * `--json`: exactly one JSON object, written as the failures come (memory does not grow with the
 * file): character for character `JSON.stringify(report, null, indent ? 2 : undefined)`.
 */
class JsonReport {
  readonly #write: (text: string) => void | Promise<void>;
  readonly #indent: boolean;
  #pending = '';
  #count = 0;

  constructor(write: (text: string) => void | Promise<void>, indent: boolean) {
    this.#write = write;
    this.#indent = indent;
  }

  add(record: EngineRecord): void | Promise<void> {
    if (record.diagnosis === undefined) return;
    const row = triageEntry(record.exchange, record.diagnosis);
    const text = this.#indent ? jsonAtDepth(row, 2) : JSON.stringify(row);
    const open = this.#indent ? '{\n  "entries": [\n    ' : '{"entries":[';
    this.#pending += this.#count === 0 ? open + text : (this.#indent ? ',\n    ' : ',') + text;
    this.#count++;
    if (this.#pending.length < WRITE_CHARS) return;
    const out = this.#pending;
    this.#pending = '';
    return this.#write(out);
  }

  end(_entries: number, findings: readonly TriageFinding[]): void | Promise<void> {
    const indent = this.#indent;
    let out = this.#pending;
    if (this.#count === 0) out += indent ? '{\n  "entries": []' : '{"entries":[]';
    else out += indent ? '\n  ]' : ']';
    out += indent
      ? `,\n  "findings": ${jsonAtDepth(findings, 1)}\n}\n`
      : `,"findings":${JSON.stringify(findings)}}\n`;
    this.#pending = '';
    return this.#write(out);
  }
}

/**
 * The triage command: the HAR's entries fed to the engine one at a time (it keeps nothing), each
 * failure written out as the engine reports it, findings at the end. Every failure is one stderr
 * line and status 2; when the file fails part-way (cut short), what was read is still reported.
 */
export async function runTriage(argv: readonly string[], io: CliIo): Promise<number> {
  const loaded = loadProfileFiles(profileFilesOf(argv));
  if (!loaded.ok) {
    writeErrorLine(io, PROGRAM, loaded.error);
    return EXIT_STATUS.failed;
  }
  const { profiles } = loaded;
  const parsed = parseTriageArgs(argv, [...profiles.map((p) => p.id), ...BUILT_IN_PROVIDER_IDS]);
  if (!parsed.ok) {
    writeErrorLine(io, PROGRAM, `${parsed.error} (see --help)`);
    return EXIT_STATUS.failed;
  }
  const { help, json, file, hostMap } = parsed.args;
  if (help) {
    await io.stdout(TRIAGE_USAGE);
    return EXIT_STATUS.ok;
  }
  const opened = await openHarInput(file, io, false);
  if (!opened.ok) {
    writeErrorLine(io, PROGRAM, `${file}: ${opened.error}`);
    return EXIT_STATUS.failed;
  }
  const input = opened.input;
  const engine = new TriageEngine({ classify: { hostMap, profiles }, retention: KEEP_NOTHING });
  const report = json
    ? new JsonReport(io.stdout, io.isTTY)
    : new TerminalReport(io.stdout, file, terminalStyle(useColour(io.isTTY, io.env)));
  const notes = new ItemNotes();
  const progress = new ProgressLine(io, `${PROGRAM}: reading ${file}`, input.size);
  let failure: string | undefined;
  try {
    await readHarItems(
      input.open(),
      async (items) => {
        for (const item of items) {
          notes.note(item);
          let record: EngineRecord | undefined;
          try {
            record = engine.addEntry(item.value, item.index);
          } catch (error) {
            // One entry the pipeline chokes on must not cost the user the rest of the file.
            notes.unprocessed(item.index, error);
          }
          if (record?.diagnosis !== undefined) await report.add(record);
        }
      },
      { onProgress: (_bytes, count) => progress.update(input.bytesRead, count) },
    );
    failure = notes.refusal();
  } catch (error) {
    failure = describeInputError(error);
  } finally {
    progress.clear();
    input.close();
  }
  try {
    if (failure === undefined || notes.entries > 0) {
      notes.warn(io, PROGRAM, file);
      await report.end(notes.items, engine.findings().map(triageFinding));
    }
  } catch (error) {
    failure ??= `internal error: ${errorText(error)}`;
  }
  if (failure === undefined) return EXIT_STATUS.ok;
  const covered =
    notes.entries > 0 ? ` (the report covers the first ${notes.items} items of log.entries)` : '';
  writeErrorLine(io, PROGRAM, `${file}: ${failure}${covered}`);
  return EXIT_STATUS.failed;
}
