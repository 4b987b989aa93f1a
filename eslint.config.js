// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** ARCHITECTURE §1: the import rules that keep the layers apart. */
const coreMustNotImport = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'electron/core is plain Node: OS access comes through a port passed in by the caller.' },
    { group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**'], message: 'electron/core must not depend on the layers above it.' },
    { group: ['react', 'react-dom', 'react/*'], message: 'electron/core must not import React.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // numbers in messages ("3 keys", "after 30 days") are the common, harmless case
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `if (!result.ok) return setError(message)` is the early exit of our void handlers (44 places)
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // async without await on a port's implementation (key stores, stand-ins) keeps a throw a rejection
      '@typescript-eslint/require-await': 'off',
      // [...text] splits by code point on purpose: length limits, masks and column widths count them
      '@typescript-eslint/no-misused-spread': ['error', { allow: [{ from: 'lib', name: 'string' }] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreMustNotImport] },
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'electron/*', '**/main/**', '**/preload/**', '**/renderer/**'], message: 'The CLI is a thin layer over electron/core only.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // a regex, not a glob: the glob would also match relative paths through the electron/ folder
            { regex: '^electron(/.*)?$', message: 'The renderer runs sandboxed: it talks to main only through window.rekey.' },
            { group: ['**/electron/core/**', '**/electron/main/**', '**/electron/cli/**'], message: 'The renderer never loads core code at run time.' },
            { group: ['**/electron/contract/**'], allowTypeImports: true, message: 'The renderer may only `import type` from the contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
