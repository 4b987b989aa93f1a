import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Rekey checkout this file runs from (the bundle lives in dist/bench/). */
export function repoRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bin', 'rekey.js'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no Rekey checkout above ${fileURLToPath(from)}`);
    dir = parent;
  }
}

/** Node 20 cannot load the native modules built for Node 22, and would time the wrong runtime. */
export function requireNode22(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    throw new Error(
      `the bench needs Node 22 (this is ${process.version} at ${process.execPath}); run it with node_modules/.bin on PATH, e.g. via npm run bench`,
    );
  }
}

function keyringVersion(): string {
  const run = spawnSync('gnome-keyring-daemon', ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? (run.stdout.trim().split('\n')[0] ?? 'gnome-keyring') : 'gnome-keyring (version unknown)';
}

export function machineLine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const memory = (totalmem() / 1024 ** 3).toFixed(1);
  return (
    `machine: ${cores.length} × ${model}, ${memory} GiB RAM, ${process.platform} ${release()} ${process.arch}; ` +
    `Node ${process.version}; keychain: ${keyringVersion()} in a private session`
  );
}
