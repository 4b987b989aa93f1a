import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { historyBlobs, readBlobs, stagedBlobs } from '../../../electron/core/scan/git-objects.js';
import { hookScript } from '../../../electron/core/scan/pre-commit-hook.js';
import { tempDir } from '../../support/temp-vault.js';

const dir = tempDir('rekey-git-');
afterAll(() => dir.remove());
const repo = dir.path;

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' },
  });
}

function commit(message: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
    git('add', '--', path);
  }
  git('commit', '-q', '-m', message);
  return git('rev-parse', 'HEAD').trim();
}

git('init', '-q', '-b', 'main');
git('config', 'user.email', 't@example.com');
git('config', 'user.name', 'T');

describe('git history blobs', () => {
  const first = commit('one', { 'a.txt': 'one\n', 'dir/with space.txt': 'spaced\n' });
  const second = commit('two', { 'a.txt': 'two\n', 'copy.txt': 'one\n' });
  git('checkout', '-q', '-b', 'side');
  const side = commit('side', { 'side.txt': 'only on a branch\n' });
  git('checkout', '-q', 'main');
  git('rm', '-q', 'a.txt');
  git('commit', '-q', '-m', 'gone');

  it('lists every blob of every ref once, at the oldest commit and path where it appears', async () => {
    const places = await historyBlobs(repo);
    const byContent = new Map<string, { path: string; commit: string | null }>();
    await readBlobs(
      repo,
      places.map((place) => place.blob),
      1024,
      (blob, content) => {
        const place = places.find((each) => each.blob === blob);
        if (content && place) byContent.set(content.toString(), { path: place.path, commit: place.commit });
      },
    );
    expect(places).toHaveLength(new Set(places.map((place) => place.blob)).size);
    expect(Object.fromEntries(byContent)).toEqual({
      'one\n': { path: 'a.txt', commit: first },
      'spaced\n': { path: 'dir/with space.txt', commit: first },
      'two\n': { path: 'a.txt', commit: second },
      'only on a branch\n': { path: 'side.txt', commit: side },
    });
  });

  it('streams blobs over the size limit as skipped, without their content', async () => {
    commit('big', { 'big.txt': 'x'.repeat(5000) });
    const places = await historyBlobs(repo);
    const seen: Array<[number, boolean]> = [];
    await readBlobs(
      repo,
      places.map((place) => place.blob),
      4096,
      (_blob, content, size) => seen.push([size, content === null]),
    );
    expect(seen).toContainEqual([5000, true]);
    expect(seen.filter(([, skipped]) => !skipped)).toHaveLength(places.length - 1);
  });

  it('lists the staged blobs only', async () => {
    writeFileSync(join(repo, 'staged.txt'), 'staged\n');
    writeFileSync(join(repo, 'unstaged.txt'), 'not staged\n');
    git('add', 'staged.txt');
    const staged = await stagedBlobs(repo);
    expect(staged.map((place) => [place.path, place.commit])).toEqual([['staged.txt', null]]);
  });
});

describe('the pre-commit hook script', () => {
  it('runs rekey scan --staged with absolute, quoted paths, pinning the vault it was installed from', () => {
    const script = hookScript(['/usr/bin/node', "/opt/it's here/bin/rekey.js"], { REKEY_HOME: '/home/me/vault', OTHER: 'x' });
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain(`\n'/usr/bin/node' '/opt/it'\\''s here/bin/rekey.js' 'scan' '--staged'\n`);
    expect(script).toMatch(/exit "\$status"\n$/);
    expect(script).toContain(`if [ -z "\${REKEY_HOME:-}" ]; then REKEY_HOME='/home/me/vault'; export REKEY_HOME; fi`);
    expect(script).not.toContain('REKEY_KEYCHAIN_SERVICE');
    expect(script).not.toContain('OTHER');
  });
});
