import js from '@eslint/js';
import compat from 'eslint-plugin-compat';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'out/', 'coverage/', 'test/artifacts/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // zod's named `z` is an object holding all of zod, so no bundler can drop any of it; as a namespace
      // import, the CLI, the pane and the page carry only what the schemas use (generator/build.mjs).
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value=/^zod(\\/mini)?$/] > ImportSpecifier[imported.name='z']",
          message: "Import zod as a namespace: import * as z from 'zod/mini' (or 'zod').",
        },
      ],
    },
  },
  // The pane's boot script runs in Internet Explorer 11 too: ES5, a classic script, browser globals only.
  {
    files: ['addin/boot/**/*.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', Office: 'readonly', Element: 'readonly', TextDecoder: 'readonly' },
    },
    // ES5 has no `catch {}` without a binding.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  // Code that runs in 台账助手.html (and the pane) is checked against package.json's browserslist:
  // the browsers of the bureaus' PCs, Chromium 86 and Firefox ESR 115.
  {
    ...compat.configs['flat/recommended'],
    files: ['addin/page/**/*.ts', 'addin/pane/**/*.ts', 'addin/excel/marks.ts', 'ledger/**/*.ts', 'generator/report/**/*.ts'],
    ignores: [
      'addin/page/vite.config.ts',
      'ledger/read/workbookFile.ts',
      'generator/report/generate.ts',
      'generator/report/template/file.ts',
    ],
  },
);
