// The `api-error-inspector` bin (package.json "bin"; DESIGN.md "CLI contract"), also what
// `npm run triage` and `npm run sanitize` run. Wiring only: the commands live in
// triage-command.ts and sanitize-command.ts, the analysis in src/core. Built to one plain
// JavaScript file by `npm run build:cli` (vite.config.ts, mode "cli").
import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
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
 * Writes to a descriptor with plain `fs.writeSync`, not `process.stdout`: the stdio streams load
 * Node's stream machinery, a sizeable share of a cold start (issue 12: within 1.5x of `node -e 0`).
 * A synchronous write also is the back-pressure: it returns once a slow reader took the bytes. A
 * descriptor another program made non-blocking answers EAGAIN; from then on the stream is used,
 * honouring its 'drain'. A reader that went away (`triage x.har | head`) is its choice: exit 0.
 */
function descriptorWriter(fd: 1 | 2): (text: string) => void | Promise<void> {
  let stream: NodeJS.WriteStream | undefined;
  const viaStream = (text: string): void | Promise<void> => {
    stream ??= fd === 1 ? process.stdout : process.stderr;
    if (stream.write(text)) return undefined;
    return once(stream, 'drain').then(() => undefined);
  };
  return (text) => {
    if (stream !== undefined) return viaStream(text);
    const bytes = Buffer.from(text);
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(EXIT_STATUS.ok);
      if (code !== 'EAGAIN') throw error;
      if (fd === 1) process.stdout.on('error', onStdoutError);
      return viaStream(bytes.subarray(written).toString());
    }
    return undefined;
  };
}

function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(EXIT_STATUS.ok);
  fail(error);
}

function nodeCliIo(): CliIo {
  const err = descriptorWriter(2);
  return {
    stdout: descriptorWriter(1),
    stderr: (text) => void err(text),
    isTTY: isatty(1),
    stderrIsTTY: isatty(2),
    env: process.env,
    stdinFd: 0,
    stdinStream: () => process.stdin,
  };
}

/** Anything unexpected is still one line and status 2 (the contract rules out stack traces). */
function fail(error: unknown): never {
  removeSpools();
  try {
    writeSync(2, `${NAME}: internal error: ${errorText(error).replace(/\s+/g, ' ')}\n`);
  } catch {
    // stderr is gone too: the exit status still says it.
  }
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

// exitCode, not process.exit(): what is still queued for stdout must be flushed first.
run(process.argv.slice(2), nodeCliIo()).then((status) => {
  removeSpools();
  process.exitCode = status;
}, fail);
