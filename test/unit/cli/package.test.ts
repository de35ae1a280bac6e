import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath } from './fixture-path.ts';
import { spawnCli, spawnCommand } from './spawn-cli.ts';

// `npm pack` gives a tarball that installs and runs with plain node (issue 12, DESIGN.md "CLI
// contract"). Offline: the package has no runtime dependency (the bin bundles core), so nothing is
// fetched, in CI's fresh clone as here. The bin was built by the global set-up; packing with
// --ignore-scripts keeps the prepack build from rewriting it under the other test files' feet.

const dir = mkdtempSync(join(tmpdir(), 'api-error-inspector-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the npm package', { timeout: 5 * 60_000 }, () => {
  it('packs only the bin, installs offline without dependencies, and runs as api-error-inspector', async () => {
    const pack = await spawnCommand('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir]);
    expect(pack.status).toBe(0);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    expect(packed?.files.map((f) => f.path).sort()).toEqual([
      'README.md',
      'dist/cli/api-error-inspector.cjs',
      'package.json',
    ]);

    const app = join(dir, 'app');
    rmSync(app, { recursive: true, force: true });
    const project = { name: 'uses-the-cli', version: '1.0.0', private: true };
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify(project));
    const install = await spawnCommand(
      'npm',
      [
        'install',
        '--offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        join(dir, packed?.filename ?? ''),
      ],
      { cwd: app },
    );
    expect(install.status, install.stderr).toBe(0);
    expect(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual([
      'api-error-inspector',
    ]);

    // As the README shows it: npx finds the installed bin.
    const har = fixturePath('mixed-providers.har');
    const viaNpx = await spawnCommand('npx', ['--offline', 'api-error-inspector', 'triage', '--json', har], {
      cwd: app,
    });
    expect(viaNpx.status, viaNpx.stderr).toBe(0);
    expect(viaNpx.stdout).toBe((await spawnCli('triage', ['--json', har])).stdout);

    const bin = join(app, 'node_modules/.bin/api-error-inspector');
    const version = await spawnCommand(bin, ['--version'], { cwd: app });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const bad = await spawnCommand(bin, ['sanitize', fixturePath('binary.har')], { cwd: app });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^sanitize: .*binary\.har: not a HAR file: [^\n]+\n$/);
  });
});
