import type { CliIo } from './cli-io.ts';

/**
 * The real process's streams. A reader that goes away early (`triage x.har | head`) makes stdout
 * fail with EPIPE; that is the reader's choice, not an error worth a stack trace.
 */
export function nodeCliIo(): CliIo {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}
