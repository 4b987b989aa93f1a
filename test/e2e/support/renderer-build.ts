import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found by walking up (this file also runs bundled, from dist/bench). */
function findRepo(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'rekey') return dir;
    if (dirname(dir) === dir) throw new Error(`no rekey package.json above ${from}`);
  }
}

export const REPO = findRepo(import.meta.dirname);
export const RENDERER_DIST = join(REPO, 'dist/renderer');
const RENDERER_SOURCES = join(REPO, 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The tests drive the built renderer, the files Electron loads. A missing or stale build fails
 * loudly rather than testing yesterday's window.
 */
export function requireFreshRendererBuild(): void {
  const index = join(RENDERER_DIST, 'index.html');
  if (!existsSync(index)) {
    throw new Error('dist/renderer/index.html is missing: run `npm run build` (or `npx vite build`) before the e2e tests.');
  }
  if (newestMtime(RENDERER_SOURCES) > statSync(index).mtimeMs) {
    throw new Error('dist/renderer is older than renderer/: run `npm run build` (or `npx vite build`) before the e2e tests.');
  }
}
