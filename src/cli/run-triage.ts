import { triageHar } from '../core/engine/index.ts';
import type { CliIo } from './cli-io.ts';
import { EXIT_STATUS } from './exit-status.ts';
import { formatTriageReport } from './format-triage-report.ts';
import { BUILT_IN_PROVIDER_IDS } from '../core/profiles/index.ts';
import { loadProfileFiles } from './load-profile-files.ts';
import { parseTriageArgs, profileFilesOf } from './parse-triage-args.ts';
import { readHarFile } from './read-har-file.ts';
import { terminalStyle } from './terminal-style.ts';
import { TRIAGE_USAGE } from './triage-usage.ts';
import { useColour } from './use-colour.ts';
import { warnSkippedEntries } from './warn-skipped-entries.ts';
import { writeErrorLine } from './write-error-line.ts';

const PROGRAM = 'triage';

/**
 * The triage command: arguments in, report out, an exit status back. Every expected failure is one
 * stderr line and status 2; anything else is caught too, because the contract rules out stack traces.
 */
export function runTriage(argv: readonly string[], io: CliIo): number {
  try {
    const loaded = loadProfileFiles(profileFilesOf(argv));
    if (!loaded.ok) {
      writeErrorLine(io, PROGRAM, loaded.error);
      return EXIT_STATUS.badInput;
    }
    const { profiles } = loaded;
    const parsed = parseTriageArgs(argv, [...profiles.map((p) => p.id), ...BUILT_IN_PROVIDER_IDS]);
    if (!parsed.ok) {
      writeErrorLine(io, PROGRAM, `${parsed.error} (see --help)`);
      return EXIT_STATUS.badInput;
    }
    const { help, json, file, hostMap } = parsed.args;
    if (help) {
      io.stdout(TRIAGE_USAGE);
      return EXIT_STATUS.ok;
    }
    const read = readHarFile(file);
    if (!read.ok) {
      writeErrorLine(io, PROGRAM, `${file}: ${read.error}`);
      return EXIT_STATUS.badInput;
    }
    warnSkippedEntries(io, PROGRAM, file, read.skipped);
    const report = triageHar(read.har, { hostMap, profiles });
    const style = terminalStyle(useColour(io.isTTY, io.env));
    // JSON is indented for a person at a terminal and compact for the program reading a pipe.
    io.stdout(
      json
        ? `${JSON.stringify(report, null, io.isTTY ? 2 : undefined)}\n`
        : formatTriageReport(file, report, read.har.log.entries, style),
    );
    return EXIT_STATUS.ok;
  } catch (error) {
    writeErrorLine(io, PROGRAM, `internal error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_STATUS.internal;
  }
}
