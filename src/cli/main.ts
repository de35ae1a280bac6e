// The `api-error-inspector` bin (package.json "bin"; DESIGN.md "CLI contract"), also what
// `npm run triage` and `npm run sanitize` run. Wiring only: the commands live in
// triage-command.ts and sanitize-command.ts, the analysis in src/core. Built to one plain
// JavaScript file by `npm run build:cli` (vite.config.ts, mode "cli").
import { once } from 'node:events';
import pkg from '../../package.json' with { type: 'json' };
import { EXIT_STATUS, errorText, writeErrorLine, type CliIo } from './cli-io.ts';
import { removeSpools } from './har-input.ts';
import { runSanitize } from './sanitize-command.ts';
import { runTriage } from './triage-command.ts';

const NAME = 'api-error-inspector';

const USAGE = `Usage: ${NAME} <command> [options] FILE.har

Commands:
  triage     list the failed API calls in a HAR file, classified by each provider's documented
             error policy, with retry advice and a redacted support ticket (--json)
  sanitize   write the HAR with every secret and piece of personal data replaced

Options:
  -h, --help     show this help (${NAME} <command> --help for a command's options)
  -v, --version  print the version

FILE.har may be "-" for standard input and may be gzip-compressed.
`;

/**
 * The real process's streams. stdout honours back-pressure (a slow reader of a 1 GB sanitized HAR
 * must not make us buffer it); a reader that goes away early (`triage x.har | head`) makes stdout
 * fail with EPIPE, which is the reader's choice, not an error worth a stack trace.
 */
function nodeCliIo(): CliIo {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_STATUS.ok);
    fail(error);
  });
  return {
    stdout: (text) => {
      if (process.stdout.write(text)) return undefined;
      return once(process.stdout, 'drain').then(() => undefined);
    },
    stderr: (text) => void process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    stdinFd: 0,
    stdinStream: () => process.stdin,
  };
}

/** Anything unexpected is still one line and status 2 (the contract rules out stack traces). */
function fail(error: unknown): never {
  removeSpools();
  process.stderr.write(`${NAME}: internal error: ${errorText(error).replace(/\s+/g, ' ')}\n`);
  process.exit(EXIT_STATUS.failed);
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'triage') return runTriage(rest, io);
  if (command === 'sanitize') return runSanitize(rest, io);
  if (command === '--help' || command === '-h') {
    await io.stdout(USAGE);
    return EXIT_STATUS.ok;
  }
  if (command === '--version' || command === '-v') {
    await io.stdout(`${pkg.version}\n`);
    return EXIT_STATUS.ok;
  }
  writeErrorLine(
    io,
    NAME,
    command === undefined
      ? 'missing the command: triage or sanitize (see --help)'
      : `unknown command "${command}": triage or sanitize (see --help)`,
  );
  return EXIT_STATUS.failed;
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.once(signal, () => {
    // A temporary copy of standard input must not outlive an interrupted sanitize.
    removeSpools();
    process.kill(process.pid, signal);
  });

// exitCode, not process.exit(): what is still queued for stdout must be flushed first.
run(process.argv.slice(2), nodeCliIo()).then((status) => {
  removeSpools();
  process.exitCode = status;
}, fail);
