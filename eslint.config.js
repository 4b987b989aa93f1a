// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * The layers and what each may import (docs/architecture.md §1). Each layer's rule is a list
 * of import paths/patterns; a file gets the union of the lists that apply to it, because a
 * later no-restricted-imports setting replaces an earlier one instead of adding to it.
 */

/** Raw IPC: only electron/main/ipc/register-ipc.ts and electron/preload/preload.ts may touch it. */
const RAW_IPC_MESSAGE =
  'Raw IPC lives in electron/main/ipc/register-ipc.ts and electron/preload/preload.ts only; add a channel to the contract instead.';
const rawIpc = {
  paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: RAW_IPC_MESSAGE }],
};
/** The same through `electron.ipcMain`, `const { ipcRenderer } = electron` or webContents.ipc. */
const rawIpcSyntax = [
  { selector: 'MemberExpression[property.name=/^(ipcMain|ipcRenderer|ipc)$/]', message: RAW_IPC_MESSAGE },
  { selector: 'ObjectPattern > Property[key.name=/^(ipcMain|ipcRenderer)$/]', message: RAW_IPC_MESSAGE },
];

const coreMustNotImport = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'electron/core is plain Node: OS access comes through a port passed in by the caller.' },
    {
      group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**', '**/contract/**'],
      message: 'electron/core must not depend on the layers above it.',
    },
    { group: ['react', 'react-dom', 'react/*'], message: 'electron/core must not import React.' },
  ],
};

const cliMustNotImport = {
  patterns: [
    {
      group: ['electron', 'electron/*', '**/main/**', '**/preload/**', '**/renderer/**', '**/contract/**'],
      message: 'The CLI is a thin layer over electron/core only.',
    },
  ],
};

const mainMustNotImport = {
  patterns: [
    {
      regex: '(^|/)(cli|renderer|preload)(/|$)',
      message: 'electron/main never imports the CLI, the renderer or the preload: it serves them.',
    },
    { group: ['react', 'react-dom', 'react/*'], message: 'electron/main must not import React.' },
  ],
};

/**
 * Core modules that hold only zod schemas and constants (each imports nothing but zod,
 * core/errors.ts and these). The contract may import these and nothing else from core, so
 * it never drags the vault, SQLite or node:crypto behind it. Add a module here only if it
 * is such a leaf.
 */
const CORE_SCHEMA_MODULES = [
  'dotenv/formats',
  'reminders/reminder-choices',
  'rotation/statuses',
  'settings/settings',
  'vault/master-password',
  'vault/secret-fields',
];
/** @param {string} text */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const contractMayImport = {
  patterns: [
    {
      // an allow-list: anything but zod, a sibling file or one of the modules above
      regex: `^(?!(zod|\\./[\\w.-]+|\\.\\./core/(${CORE_SCHEMA_MODULES.map(escape).join('|')})\\.js)$)`,
      message: `electron/contract imports only zod, its own files and core's schema modules (${CORE_SCHEMA_MODULES.join(', ')}; eslint.config.js CORE_SCHEMA_MODULES).`,
    },
  ],
};

const preloadMayImport = {
  patterns: [
    {
      regex: '^(?!(electron|\\./[\\w.-]+|\\.\\./contract/[\\w.-]+)$)',
      message:
        "electron/preload imports only electron, the contract's channel names and its own files: the sandboxed preload bundles nothing else.",
    },
    {
      regex: '^\\.\\./contract/(?!channel-names\\.js$)',
      allowTypeImports: true,
      message: 'electron/preload may only `import type` from the contract, except its channel names (channel-names.ts).',
    },
  ],
};

const rendererMustNotImport = {
  patterns: [
    // a regex, not a glob: the glob would also match relative paths through the electron/ folder
    { regex: '^electron(/.*)?$', message: 'The renderer runs sandboxed: it talks to main only through window.rekey.' },
    {
      group: ['**/electron/core/**', '**/electron/main/**', '**/electron/cli/**', '**/electron/preload/**'],
      message: 'The renderer never loads core code at run time.',
    },
    { group: ['**/electron/contract/**'], allowTypeImports: true, message: 'The renderer may only `import type` from the contract.' },
  ],
};

/**
 * One no-restricted-imports setting from several lists.
 * @param {...{ paths?: object[], patterns?: object[] }} lists
 */
const restrictImports = (...lists) => [
  'error',
  { paths: lists.flatMap((list) => list.paths ?? []), patterns: lists.flatMap((list) => list.patterns ?? []) },
];

const layerRules = [
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    rules: { 'no-restricted-imports': restrictImports(rawIpc), 'no-restricted-syntax': ['error', ...rawIpcSyntax] },
  },
  { files: ['electron/core/**/*.ts'], rules: { 'no-restricted-imports': restrictImports(coreMustNotImport, rawIpc) } },
  { files: ['electron/cli/**/*.ts'], rules: { 'no-restricted-imports': restrictImports(cliMustNotImport, rawIpc) } },
  { files: ['electron/contract/**/*.ts'], rules: { 'no-restricted-imports': restrictImports(contractMayImport, rawIpc) } },
  { files: ['electron/preload/**/*.ts'], rules: { 'no-restricted-imports': restrictImports(preloadMayImport, rawIpc) } },
  { files: ['electron/main/**/*.ts'], rules: { 'no-restricted-imports': restrictImports(mainMustNotImport, rawIpc) } },
  { files: ['renderer/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrictImports(rendererMustNotImport, rawIpc) } },
  // the two wrappers of raw IPC
  {
    files: ['electron/preload/preload.ts'],
    rules: { 'no-restricted-imports': restrictImports(preloadMayImport), 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/main/ipc/register-ipc.ts'],
    rules: { 'no-restricted-imports': restrictImports(mainMustNotImport), 'no-restricted-syntax': 'off' },
  },
];

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
  ...layerRules,
  {
    files: ['test/**/*.ts'],
    // tests hand stand-ins of Electron's classes (ClipboardItem, BrowserWindow) to the code under test by design
    rules: { '@typescript-eslint/no-unsafe-class-instance-assignment': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.flat.recommended.rules,
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
