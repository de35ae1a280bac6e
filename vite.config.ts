/// <reference types="vitest/config" />
import { defineConfig, type UserConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';

/**
 * The one place where the Firefox build differs from the Chrome build. Firefox needs a gecko id,
 * a minimum version whose DevTools panel API matches ours, and the data-collection declaration
 * AMO requires (we collect nothing). Chrome rejects unknown keys with warnings, so they are only
 * added for Firefox.
 */
function manifestFor(target: Target): ManifestV3Export {
  const manifest = { ...baseManifest, version: pkg.version };
  if (target === 'chrome') return manifest as ManifestV3Export;
  return {
    ...manifest,
    browser_specific_settings: {
      gecko: {
        id: 'api-error-inspector@api-error-inspector.dev',
        // 140: the ESR that Debian ships (firefox-esr 140), and the first desktop release that
        // knows data_collection_permissions.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on (web-ext lint
      // KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION); it has no DevTools panels anyway.
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

/**
 * `vite build --mode cli`: the command line as one plain JavaScript file for Node (the package's
 * bin), every dependency bundled in, so `npm pack` ships no runtime dependency and `node` starts it
 * without compiling TypeScript (issue 12: cold start within 1.5x of `node -e 0`).
 */
const CLI_BUILD: UserConfig = {
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      output: { format: 'cjs', entryFileNames: 'api-error-inspector.cjs', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: true },
};

export default defineConfig(({ mode }) => {
  if (mode === 'cli') return CLI_BUILD;
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [preact(), crx({ manifest: manifestFor(target), browser: target })],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      // CRXJS only follows the devtools_page; the panel page is opened from script, so it must be
      // listed here or it is silently missing from the build (see ../shared/TESTING.md).
      rollupOptions: { input: { panel: 'src/panel/panel.html' } },
    },
    test: {
      include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
      globalSetup: ['test/unit/build-cli.global.ts'],
      environment: 'node',
      // CI has 2 cores shared by vitest's workers; the heavier suites (100,000-exchange sessions,
      // megabyte hostile inputs, property tests) need slack beyond the 5 s default under load.
      testTimeout: 20_000,
    },
  };
});
