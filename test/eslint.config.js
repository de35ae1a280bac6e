// Lint rules for the whole repository. It lives under test/ because the product card fixes the
// top level; package.json's `lint` script points ESLint at it explicitly.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/e2e/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // src/core is shared by the panel, the CLI and the tests: it must not reach for a host.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['preact', 'preact/*', '@preact/*'], message: 'src/core must not import Preact' },
            { group: ['webextension-polyfill'], message: 'only src/platform touches extension APIs' },
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'os'],
              message: 'src/core must not import Node',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'document',
        'window',
        'navigator',
        'chrome',
        'browser',
        'Buffer',
        'process',
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'webextension-polyfill', message: 'only src/platform touches extension APIs' }] },
      ],
    },
  },
);
