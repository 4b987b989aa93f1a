import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Bundles a child-process script (TypeScript, importing core and the CLI from source) into one
 * ESM file that plain `node` runs, the way scripts/build.js bundles the CLI. The native modules
 * stay in node_modules.
 */
export async function bundleChild(entry: string): Promise<string> {
  // inside the repo, so the bundle's imports of the native modules resolve to node_modules
  const folder = join(REPO, 'test-results', 'reliability', 'children');
  mkdirSync(folder, { recursive: true });
  const outfile = join(folder, `${basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [join(REPO, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    logLevel: 'silent',
    external: ['better-sqlite3', 'keytar', 'electron'],
    banner: {
      js: "import { createRequire as __rekeyCreateRequire } from 'node:module'; const require = __rekeyCreateRequire(import.meta.url);",
    },
  });
  return outfile;
}
