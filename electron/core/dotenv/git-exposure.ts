import { basename, dirname, resolve } from 'node:path';
import { execGit } from '../git/safe-git.js';

interface GitResult {
  readonly exitCode: number;
  readonly stdout: string;
}

/** null when git could not run at all (not installed, folder missing). */
function git(cwd: string, args: readonly string[]): Promise<GitResult | null> {
  return new Promise((done) => {
    // check-ignore reads the index, so a repository's core.fsmonitor would run here: safe-git.ts
    execGit(cwd, args, { timeoutMs: 10_000 }, (error, stdout) => {
      const text = stdout.toString('utf8');
      if (error === null) return done({ exitCode: 0, stdout: text });
      if (typeof error.code === 'number') return done({ exitCode: error.code, stdout: text });
      done(null);
    });
  });
}

/**
 * A warning to show before writing secrets to `path` when git would pick the file up, or null.
 * Never throws: a missing git or an odd repository just means there is nothing to warn about.
 */
export async function gitExposureWarning(path: string): Promise<string | null> {
  const target = resolve(path);
  const folder = dirname(target);
  const inside = await git(folder, ['rev-parse', '--is-inside-work-tree']);
  if (inside === null || inside.exitCode !== 0 || inside.stdout.trim() !== 'true') return null;
  // check-ignore exits 0 when ignored, 1 when not, 128 on error. It also answers "not ignored"
  // for a tracked file, which is right: changes to a tracked file get committed.
  const ignored = await git(folder, ['check-ignore', '--quiet', '--', basename(target)]);
  if (ignored === null || ignored.exitCode !== 1) return null;
  return `${path} is inside a git repository and git does not ignore it, so these secrets could be committed; add ${basename(target)} to .gitignore.`;
}
