import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CliVault, createCliVault } from '../support/cli-runner.js';
import { requirePrivateKeyring } from '../support/real-keychain.js';
import { sampleKeys } from '../support/sample-keys.js';

// Fails loudly, rather than skipping, outside test/scripts/with-private-keyring.sh.
requirePrivateKeyring();

/**
 * A repository prepared by someone else: its .git/config names a program for every setting
 * that makes git start one while reading. Rekey scans it and writes an export into it; none
 * of those programs may run.
 */
describe('git in a hostile repository runs none of its programs', () => {
  let v: CliVault;
  let repo: string;
  let marker: string;
  const leaked = sampleKeys.github();

  function git(...args: string[]): string {
    return execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CEILING_DIRECTORIES: v.work } });
  }

  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'gh', '--project', 'p'], { stdin: `${leaked}\n` });
    repo = join(v.work, 'cloned');
    marker = join(v.work, 'marker');
    const script = join(v.work, 'planted.sh');
    writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\nexit 0\n`);
    chmodSync(script, 0o755);
    mkdirSync(repo);
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 'T');
    writeFileSync(join(repo, 'committed.txt'), `TOKEN=${leaked}\n`);
    git('add', '-A');
    git('commit', '-q', '-m', 'one');
    // only now the traps, so setting the repository up did not set them off
    git('config', 'core.fsmonitor', script);
    git('config', 'log.showSignature', 'true');
    git('config', 'gpg.program', script);
    git('config', 'core.pager', script);
    git('config', 'diff.external', script);
    const hooks = join(repo, 'custom-hooks');
    mkdirSync(hooks);
    git('config', 'core.hooksPath', hooks);
    writeFileSync(join(repo, 'staged.txt'), `TOKEN=${leaked}\n`);
    // git add reads the index: the monitor runs here, which proves the trap works
    git('add', 'staged.txt');
    expect(existsSync(marker), 'the planted fsmonitor did not run for plain git; the test would prove nothing').toBe(true);
    rmSync(marker);
    spawnSync('git', ['diff', '--cached', '--raw'], { cwd: repo });
    expect(existsSync(marker), 'plain git diff --cached runs the planted monitor').toBe(true);
    rmSync(marker);
  });
  afterAll(async () => {
    await v.cleanup();
  });

  beforeEach(() => {
    rmSync(marker, { force: true });
  });

  function planted(): string {
    return existsSync(marker) ? readFileSync(marker, 'utf8') : '';
  }

  it('scan --staged (the pre-commit check) finds the value and runs nothing', async () => {
    const result = await v.run(['scan', '--staged'], { cwd: repo });
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).toContain('staged.txt');
    expect(planted()).toBe('');
  });

  it('scan --history reads every commit and runs nothing (no fsmonitor, no gpg for log.showSignature)', async () => {
    const result = await v.run(['scan', '--history', repo]);
    expect(result.code, result.stderr).toBe(4);
    expect(result.out).toContain('committed.txt');
    expect(planted()).toBe('');
  });

  it('export -o into the repository asks git about .gitignore and runs nothing', async () => {
    const result = await v.run(['export', '--project', 'p', '-o', join(repo, 'app.env')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/git does not ignore it/);
    expect(planted()).toBe('');
  });

  it('--install-hook still writes where this repository looks for hooks (core.hooksPath), and runs nothing', async () => {
    const result = await v.run(['scan', '--install-hook'], { cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(repo, 'custom-hooks', 'pre-commit'), 'utf8')).toContain('rekey pre-commit hook');
    expect(planted()).toBe('');
  });
});
