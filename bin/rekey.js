#!/usr/bin/env node
// The `rekey` command: a thin launcher for the bundle that `npm run build` makes.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/rekey.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('rekey: the CLI is not built yet; run `npm run build` in the Rekey folder first.\n');
  process.exit(1);
}
await import(bundle.href);
