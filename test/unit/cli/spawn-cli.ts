import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** What `npm run build:cli` writes and the package's bin runs (built by the unit tests' global set-up). */
export const CLI_BUNDLE = join(REPO_ROOT, 'dist/cli/api-error-inspector.cjs');
const USAGE_PRELOAD = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));

export interface CliRun {
  status: number | null;
  /** stdout as text, unless `onStdout` consumed it. */
  stdout: string;
  stderr: string;
  /** Peak resident set size of the child in bytes, when `measureRss` was asked for. */
  maxRssBytes?: number;
}

export interface SpawnOptions {
  /** Standard input: text, bytes, or chunks written with back-pressure (a file larger than memory). */
  stdin?: string | Uint8Array | AsyncIterable<Uint8Array>;
  /** Consume stdout chunk by chunk instead of collecting it (an output larger than memory). */
  onStdout?: (chunk: Buffer) => void;
  /** Arguments for node itself (e.g. a heap limit). */
  nodeArgs?: readonly string[];
  measureRss?: boolean;
  cwd?: string;
}

/** Run a program from the repository root without a shell and collect its streams. */
export function spawnCommand(
  program: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<CliRun> {
  // No NO_COLOR/FORCE_COLOR from the developer's shell: the pipe alone must switch colour off.
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
  };
  const rssFile = join(
    tmpdir(),
    `api-error-inspector-rss-${process.pid}-${Math.random().toString(36).slice(2)}`,
  );
  if (options.measureRss === true) env['MAX_RSS_FILE'] = rssFile;
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: options.cwd ?? REPO_ROOT, env });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) =>
      options.onStdout ? options.onStdout(chunk) : out.push(chunk),
    );
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // A child that exits early (bad input) closes its stdin: that is its answer, not a test error.
    child.stdin.on('error', () => undefined);
    const input = options.stdin ?? '';
    if (typeof input === 'string' || input instanceof Uint8Array) child.stdin.end(input);
    else
      void (async () => {
        for await (const chunk of input)
          if (!child.stdin.write(chunk)) await new Promise((done) => child.stdin.once('drain', done));
        child.stdin.end();
      })().catch((error: unknown) => {
        // A generator that fails must fail the test, not leave the child waiting for more input.
        child.kill();
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    child.on('close', (status) => {
      const run: CliRun = { status, stdout: Buffer.concat(out).toString('utf8'), stderr };
      if (options.measureRss === true) {
        // process.resourceUsage().maxRSS is in kilobytes (https://nodejs.org/api/process.html).
        const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number };
        run.maxRssBytes = usage.maxRSS * 1024;
        rmSync(rssFile, { force: true });
      }
      resolve(run);
    });
  });
}

/** Run the built CLI as the package's bin does: `node dist/cli/api-error-inspector.cjs COMMAND ...`. */
export function spawnCli(
  command: 'triage' | 'sanitize',
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<CliRun> {
  const preload = options.measureRss === true ? ['--import', USAGE_PRELOAD] : [];
  return spawnCommand(
    process.execPath,
    [...(options.nodeArgs ?? []), ...preload, CLI_BUNDLE, command, ...args],
    options,
  );
}
