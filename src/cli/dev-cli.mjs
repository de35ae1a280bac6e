// `npm run triage` / `npm run sanitize` in a clone of the repository: run the built CLI (plain
// JavaScript, no TypeScript compiled at start-up), building it first when it is missing or older
// than its sources, so an edit is never run stale. `--build-only` just builds (the unit tests'
// global set-up). The installed package runs dist/cli/api-error-inspector.cjs directly.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = join(ROOT, 'dist/cli/api-error-inspector.cjs');
const SOURCES = ['src/core', 'src/cli', 'package.json', 'vite.config.ts'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function isStale() {
  if (!existsSync(BUNDLE)) return true;
  const built = statSync(BUNDLE).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(ROOT, source)) > built);
}

/**
 * Build into a private directory and rename the file into place: a rename is atomic, so test files
 * starting at once (or two terminals) never run a half-written bundle.
 */
export function ensureCliBuilt() {
  if (!isStale()) return;
  mkdirSync(dirname(BUNDLE), { recursive: true });
  // Next to the bundle, so the rename never crosses file systems.
  const out = mkdtempSync(join(ROOT, 'dist/.cli-build-'));
  try {
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    // Build output goes to stderr: stdout is the command's (a report, a sanitized HAR).
    const run = spawnSync(
      process.execPath,
      [vite, 'build', '--mode', 'cli', '--logLevel', 'warn', '--outDir', out],
      {
        cwd: ROOT,
        stdio: ['ignore', 2, 2],
      },
    );
    if (run.status !== 0) {
      process.stderr.write('api-error-inspector: building the CLI failed (npm run build:cli)\n');
      process.exit(2);
    }
    renameSync(join(out, 'api-error-inspector.cjs'), BUNDLE);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureCliBuilt();
  if (process.argv[2] !== '--build-only') createRequire(import.meta.url)(BUNDLE);
}
