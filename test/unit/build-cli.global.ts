import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global set-up: the CLI process tests run the built bin (plain JavaScript, as installed),
 * so it is built once before any test file starts when its sources changed (src/cli/dev-cli.mjs).
 */
export default function buildCli(): void {
  const launcher = fileURLToPath(new URL('../../src/cli/dev-cli.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [launcher, '--build-only'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('building the CLI failed (npm run build:cli)');
}
