import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a program from the repository root without a shell and collect its streams. */
export function spawnCommand(program: string, args: readonly string[], stdin = ''): Promise<CliRun> {
  // No NO_COLOR/FORCE_COLOR from the developer's shell: the pipe alone must switch colour off.
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.stdin.end(stdin);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Run the real command as its package script does (tsx on the entry file), so the contract checks
 * see the actual exit status and streams, stack traces included if any escape.
 */
export function spawnCli(
  command: 'triage' | 'sanitize',
  args: readonly string[],
  stdin = '',
): Promise<CliRun> {
  return spawnCommand('node_modules/.bin/tsx', [`src/cli/${command}.ts`, ...args], stdin);
}
