// Builds everything the app, the CLI and the bench run from, into dist/:
//   dist/cli/rekey.js (+ scan-worker.js), dist/bench/*.js, dist/main/main.js  (Node/Electron main, ESM)
//   dist/preload/preload.cjs                                          (sandboxed preload: one CommonJS file)
//   dist/renderer/                                                    (Vite, when the renderer exists)
// Bundling makes the CLI start fast: one file loads quicker than hundreds of date-fns and zod modules.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

// a clean dist/: packaging ships the whole folder, so nothing stale may linger in it
rmSync('dist', { recursive: true, force: true });

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: {
    'cli/rekey': 'electron/cli/bin.ts',
    // a scan worker thread loads this small bundle, not the whole CLI
    'cli/scan-worker': 'electron/core/scan/scan-worker-main.ts',
    'main/main': 'electron/main/main.ts',
  },
  outdir: 'dist',
  format: 'esm',
  // native modules stay in node_modules and are loaded by Node itself; electron is the runtime's
  external: ['better-sqlite3', 'keytar', 'electron'],
  banner: {
    // esbuild's ESM output needs `require` for the CommonJS dependencies it bundles
    js: "import { createRequire as __rekeyCreateRequire } from 'node:module'; const require = __rekeyCreateRequire(import.meta.url);",
  },
});

// `npm run bench`: bundled the same way as the CLI, so it times the same code; the browser
// driver and esbuild (the e2e harness bundles the preload at run time) stay in node_modules.
await build({
  ...common,
  entryPoints: {
    'bench/vault-bench': 'test/bench/vault-bench.ts',
    'bench/renderer-bench': 'test/bench/renderer-bench.ts',
    'bench/reminders-lock-bench': 'test/bench/reminders-lock-bench.ts',
    'bench/scan-bench': 'test/bench/scan-bench.ts',
  },
  outdir: 'dist',
  format: 'esm',
  external: ['better-sqlite3', 'keytar', 'electron', 'playwright-core', 'esbuild', 'vite'],
  banner: {
    js: "import { createRequire as __rekeyCreateRequire } from 'node:module'; const require = __rekeyCreateRequire(import.meta.url);",
  },
});

// A sandboxed preload cannot load ES modules or anything from node_modules: one CJS file.
await build({
  ...common,
  entryPoints: { 'preload/preload': 'electron/preload/preload.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['electron'],
});

// the tray icon: main loads it from dist/, the only folder that is packaged
mkdirSync('dist/tray', { recursive: true });
copyFileSync('build/icons/32x32.png', 'dist/tray/tray-icon.png');

if (existsSync('vite.config.ts')) await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
