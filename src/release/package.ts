/**
 * `npm run package` (after `npm run build`): the store artifacts, versioned from package.json.
 * - dist/api-error-inspector-chrome-<version>.zip: dist/chrome zipped (Chrome Web Store upload).
 * - dist/api-error-inspector-firefox-<version>.zip: `web-ext build` of dist/firefox (AMO upload),
 *   after `web-ext lint` reports no error.
 * Exits non-zero, with one line saying why, when a build is missing or stale or lint fails.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipDirectory } from './zip-directory.ts';
import { webExt } from './web-ext.ts';

const ROOT = process.cwd();
const DIST = path.join(ROOT, 'dist');

async function main(): Promise<void> {
  const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  for (const target of ['chrome', 'firefox']) await assertBuilt(target, version);

  const lint = webExt([
    'lint',
    '--source-dir',
    'dist/firefox',
    '--self-hosted',
    '--no-input',
    '--output',
    'json',
  ]);
  const report = parseLint(lint.stdout);
  console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings`);
  for (const w of report.warnings) console.log(`  warning ${w.code}: ${w.message} (${w.file ?? 'manifest'})`);
  for (const e of report.errors) console.error(`  ERROR ${e.code}: ${e.message} (${e.file ?? 'manifest'})`);
  if (report.errors.length > 0 || lint.status !== 0) throw new Error('web-ext lint reported errors');

  const firefoxName = `api-error-inspector-firefox-${version}.zip`;
  const build = webExt([
    'build',
    '--source-dir',
    'dist/firefox',
    '--artifacts-dir',
    'dist',
    '--overwrite-dest',
    '--filename',
    firefoxName,
  ]);
  if (build.status !== 0) throw new Error(`web-ext build failed:\n${build.stderr || build.stdout}`);
  console.log(`wrote dist/${firefoxName}`);

  const chromeName = `api-error-inspector-chrome-${version}.zip`;
  const zip = await zipDirectory(path.join(DIST, 'chrome'));
  await writeFile(path.join(DIST, chromeName), zip);
  console.log(`wrote dist/${chromeName} (${zip.length} bytes)`);
}

/** The build must exist and carry this version (a stale build would ship the wrong code). */
async function assertBuilt(target: string, version: string): Promise<void> {
  let manifest: { version?: string };
  try {
    manifest = JSON.parse(
      await readFile(path.join(DIST, target, 'manifest.json'), 'utf8'),
    ) as typeof manifest;
  } catch {
    throw new Error(`dist/${target}/manifest.json is missing: run \`npm run build\` first`);
  }
  if (manifest.version !== version) {
    throw new Error(`dist/${target} is version ${manifest.version}, package.json says ${version}: rebuild`);
  }
}

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

function parseLint(stdout: string): { errors: LintMessage[]; warnings: LintMessage[] } {
  try {
    const parsed = JSON.parse(stdout) as { errors?: LintMessage[]; warnings?: LintMessage[] };
    return { errors: parsed.errors ?? [], warnings: parsed.warnings ?? [] };
  } catch {
    throw new Error(`web-ext lint printed no JSON report:\n${stdout}`);
  }
}

main().catch((error: unknown) => {
  console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
