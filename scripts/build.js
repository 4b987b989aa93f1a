// Bundles the CLI into one ESM file: one file loads faster than hundreds of date-fns and zod
// modules, and `rekey list` is meant to answer in well under 400 ms.
import { build } from 'esbuild';

await build({
  entryPoints: {
    'cli/rekey': 'electron/cli/bin.ts',
    // `npm run bench`: the vault benchmark, bundled the same way so it times the same code
    'bench/vault-bench': 'test/bench/vault-bench.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  sourcemap: true,
  // native modules stay in node_modules and are loaded by Node itself
  external: ['better-sqlite3', 'keytar'],
  banner: {
    // esbuild's ESM output needs `require` for the CommonJS dependencies it bundles
    js: "import { createRequire as __rekeyCreateRequire } from 'node:module'; const require = __rekeyCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
