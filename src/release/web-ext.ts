import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface WebExtResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the project's own web-ext binary. NO_UPDATE_NOTIFIER stops its update check, which would
 * otherwise reach the network (the project makes no requests beyond localhost).
 */
export function webExt(args: readonly string[]): WebExtResult {
  const bin = path.join(process.cwd(), 'node_modules', '.bin', 'web-ext');
  const run = spawnSync(bin, [...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
