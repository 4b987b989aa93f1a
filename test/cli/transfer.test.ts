import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliVault, createCliVault, expectCleanError, expectOk, expectUsageError } from '../support/cli-runner.js';
import { requirePrivateKeyring } from '../support/real-keychain.js';
import { randomToken, sampleKeys } from '../support/sample-keys.js';

// Fails loudly, rather than skipping, outside test/scripts/with-private-keyring.sh.
requirePrivateKeyring();

const BULLETS = '••••••••';

/** Sources a shell export in a real POSIX shell and reads the variables back, NUL-separated. */
function sourceInShell(file: string, names: readonly string[]): Record<string, string> {
  const print = 'process.stdout.write(JSON.stringify(Object.fromEntries(process.argv.slice(1).map((n) => [n, process.env[n]]))))';
  const result = spawnSync('sh', ['-c', '. "$1" && shift && exec "$@"', 'sh', file, process.execPath, '-e', print, ...names], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, string>;
}

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

describe('export', () => {
  let v: CliVault;
  const values = {
    GITHUB_TOKEN: sampleKeys.github(),
    STRIPE_SECRET_KEY: sampleKeys.stripe(),
    // spaces, `#`, `$` and a double quote: single quotes carry it for every dotenv parser
    TRICKY: `p@ss word #not-a-comment $HOME "q" ${randomToken('abcdef0123456789', 12)}`,
  };
  const otherProject = sampleKeys.generic();
  // a CR rules out single quotes and the `$` rules out double quotes: no portable dotenv form
  const carriageReturn = `line-one\r$line-two-${randomToken('abcdef0123456789', 12)}`;

  beforeAll(async () => {
    v = await createCliVault();
    await Promise.all([
      v.ok(['add', 'gh', '--project', 'web'], { stdin: `${values.GITHUB_TOKEN}\n` }),
      v.ok(['add', 'stripe', '--project', 'web', '--env', 'STRIPE_SECRET_KEY'], { stdin: `${values.STRIPE_SECRET_KEY}\n` }),
      v.ok(['add', 'tricky', '--project', 'web', '--env', 'TRICKY'], { stdin: `${values.TRICKY}\n` }),
      v.ok(['add', 'elsewhere', '--project', 'api', '--env', 'OTHER_KEY'], { stdin: `${otherProject}\n` }),
      v.ok(['add', 'crlf', '--project', 'cr', '--env', 'CR_VALUE'], { stdin: carriageReturn }),
    ]);
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('dotenv to stdout: dotenv reads back exactly the project’s values', async () => {
    const result = await v.ok(['export', '--project', 'web']);
    expect(dotenv.parse(result.stdout)).toEqual(values);
    expect(result.out).not.toContain(otherProject);
  });

  it('shell to stdout: a POSIX shell sources back exactly the values', async () => {
    const result = await v.ok(['export', '--project', 'web', '--format', 'shell']);
    const file = join(v.work, 'stdout.sh');
    writeFileSync(file, result.stdout);
    expect(sourceInShell(file, Object.keys(values))).toEqual(values);
  });

  it('json to stdout: JSON.parse gives back exactly the values', async () => {
    const result = await v.ok(['export', '--project', 'web', '--format', 'json']);
    expect(JSON.parse(result.out)).toEqual(values);
  });

  it('-o writes a 0600 file and keeps the values off stdout', async () => {
    const result = await v.ok(['export', '--project', 'web', '-o', 'out.env'], { cwd: v.work });
    const file = join(v.work, 'out.env');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(dotenv.parse(readFileSync(file))).toEqual(values);
    for (const value of Object.values(values)) {
      expect(result.out).not.toContain(value);
      expect(result.stderr).not.toContain(value);
    }
    expect(result.stderr).not.toMatch(/warning/i);
  });

  it('-o refuses to overwrite an existing file without --force, and leaves it as it was', async () => {
    const file = join(v.work, 'out.env');
    const before = readFileSync(file);
    const line = expectCleanError(await v.run(['export', '--project', 'api', '-o', file]));
    expect(line).toContain('--force');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('--force overwrites, and the new file is 0600 whatever the old one was', async () => {
    const file = join(v.work, 'out.env');
    chmodSync(file, 0o644);
    await v.ok(['export', '--project', 'web', '--format', 'json', '-o', file, '--force']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(values);
  });

  it('warns when the file lands in a git work tree that does not ignore it, and not when it does', async () => {
    const repo = join(v.work, 'repo');
    mkdirSync(repo);
    git(repo, 'init', '-q');
    const tracked = await v.ok(['export', '--project', 'web', '-o', join(repo, '.env')]);
    expect(tracked.stderr).toMatch(/warning/i);
    expect(tracked.stderr).toMatch(/git/);
    expect(tracked.stderr).toContain('.gitignore');
    expect(existsSync(join(repo, '.env'))).toBe(true);

    writeFileSync(join(repo, '.gitignore'), 'ignored.env\n');
    const ignored = await v.ok(['export', '--project', 'web', '-o', join(repo, 'ignored.env')]);
    expect(ignored.stderr).not.toMatch(/warning/i);
    expect(ignored.stderr).not.toMatch(/git/);
    expect(statSync(join(repo, 'ignored.env')).mode & 0o777).toBe(0o600);
  });

  it('refuses a value dotenv cannot carry, naming the key and a format that can; nothing is written', async () => {
    const toStdout = await v.run(['export', '--project', 'cr']);
    const line = expectCleanError(toStdout);
    expect(line).toContain('crlf');
    expect(line).toMatch(/Choose the (shell|json)( or json)? format instead/);
    expect(line).not.toContain('line-two');

    const folder = join(v.work, 'refused');
    mkdirSync(folder);
    const toFile = await v.run(['export', '--project', 'cr', '-o', join(folder, 'cr.env')]);
    expect(expectCleanError(toFile)).toContain('crlf');
    expect(readdirSync(folder)).toEqual([]);

    // not over an existing file either, even with --force
    const existing = join(folder, 'keep.env');
    writeFileSync(existing, 'KEEP=1\n');
    expectCleanError(await v.run(['export', '--project', 'cr', '-o', existing, '--force']));
    expect(readFileSync(existing, 'utf8')).toBe('KEEP=1\n');
    expect(readdirSync(folder)).toEqual(['keep.env']);
  });

  it('the shell format carries that value exactly', async () => {
    const result = await v.ok(['export', '--project', 'cr', '--format', 'shell', '-o', join(v.work, 'cr.sh')]);
    expect(result.out).toBe('');
    expect(sourceInShell(join(v.work, 'cr.sh'), ['CR_VALUE'])).toEqual({ CR_VALUE: carriageReturn });
  });

  it('an empty selection is an error, not an empty file', async () => {
    expectCleanError(await v.run(['export', '--project', 'nowhere', '-o', join(v.work, 'none.env')]));
    expect(existsSync(join(v.work, 'none.env'))).toBe(false);
  });
});

describe('import', () => {
  let v: CliVault;
  const github = sampleKeys.github();
  const database = `postgres://app:${randomToken('abcdefghijklmnop0123456789', 20)}@db.local/app`;
  const spaced = `two words ${randomToken('abcdef0123456789', 12)}`;
  let envFile: string;

  async function namesIn(project: string): Promise<string[]> {
    const list = JSON.parse((await v.ok(['list', '--json', '--project', project])).out) as Array<{ name: string }>;
    return list.map((s) => s.name).sort();
  }

  beforeAll(async () => {
    v = await createCliVault();
    envFile = join(v.work, 'app.env');
    writeFileSync(envFile, `# app settings\nGITHUB_TOKEN=${github}\nDATABASE_URL="${database}"\nSPACED='${spaced}'\n`);
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('--dry-run shows a masked preview and stores nothing', async () => {
    const result = await v.ok(['import', envFile, '--project', 'imp', '--dry-run']);
    expect(result.out).toContain('imp/GITHUB_TOKEN');
    expect(result.out).toContain('imp/DATABASE_URL');
    expect(result.out).toContain(`ghp_${BULLETS}`);
    expect(result.out).toContain('GitHub');
    for (const value of [github, database, spaced]) {
      expect(result.out).not.toContain(value.slice(0, 16));
      expect(result.stderr).not.toContain(value.slice(0, 16));
    }
    expect(await namesIn('imp')).toEqual([]);
  });

  it('stores every variable, with exactly the values the file gives', async () => {
    await v.ok(['import', envFile, '--project', 'imp']);
    expect(await namesIn('imp')).toEqual(['imp/DATABASE_URL', 'imp/GITHUB_TOKEN', 'imp/SPACED']);
    expect((await v.ok(['get', 'imp/GITHUB_TOKEN'])).out).toBe(github);
    expect((await v.ok(['get', 'imp/DATABASE_URL'])).out).toBe(database);
    expect((await v.ok(['get', 'imp/SPACED'])).out).toBe(spaced);
    const shown = JSON.parse((await v.ok(['show', 'imp/GITHUB_TOKEN', '--json'])).out) as { provider: string; envVar: string };
    expect(shown).toMatchObject({ provider: 'github-classic', envVar: 'GITHUB_TOKEN' });
  });

  it('a name clash exits 1 and stores nothing, not even the rows that were free', async () => {
    const clashing = join(v.work, 'clash.env');
    writeFileSync(clashing, `BRAND_NEW=${sampleKeys.generic()}\nGITHUB_TOKEN=${sampleKeys.github()}\n`);
    const line = expectCleanError(await v.run(['import', clashing, '--project', 'imp']), { stdoutAllowed: true });
    expect(line).toContain('imp/GITHUB_TOKEN');
    expect(await namesIn('imp')).toEqual(['imp/DATABASE_URL', 'imp/GITHUB_TOKEN', 'imp/SPACED']);
    expect((await v.ok(['get', 'imp/GITHUB_TOKEN'])).out).toBe(github);
  });

  it('--dry-run predicts the import: a file with an empty variable (FOO=) is not promised and then refused', async () => {
    // `FOO=` placeholders are common in real .env files
    const file = join(v.work, 'with-empty.env');
    writeFileSync(file, `PLACEHOLDER=\nREAL_TOKEN=${sampleKeys.generic()}\n`);
    const dry = await v.run(['import', file, '--project', 'blanks', '--dry-run']);
    const real = await v.run(['import', file, '--project', 'blanks']);
    const stored = await namesIn('blanks');
    if (real.code === 0) {
      // a fix that skips empty values: the preview must have said what is stored
      expect(dry.code).toBe(0);
      for (const name of stored) expect(dry.out).toContain(name);
      expect(`${dry.out}${dry.stderr}`).toMatch(/PLACEHOLDER[^\n]*(empty|skip)/i);
    } else {
      // a fix that refuses the file: the preview must refuse it too, naming the reason
      expect(stored).toEqual([]);
      expect(dry.out).not.toMatch(/would be imported/i);
      expect(`${dry.out}${dry.stderr}`).toMatch(/PLACEHOLDER[^\n]*empty|empty[^\n]*PLACEHOLDER/i);
    }
  });

  it('refuses a binary or non-UTF-8 file, and a missing one', async () => {
    const binary = join(v.work, 'binary.env');
    writeFileSync(binary, Buffer.from([0x41, 0x3d, 0x00, 0xff, 0xfe, 0x0a, 0x42, 0x3d, 0x01]));
    expectCleanError(await v.run(['import', binary, '--project', 'bin']));
    const latin1 = join(v.work, 'latin1.env');
    writeFileSync(latin1, Buffer.from('PASSWORD=caf\xe9-secret\n', 'latin1'));
    expectCleanError(await v.run(['import', latin1, '--project', 'bin']));
    expectCleanError(await v.run(['import', join(v.work, 'missing.env'), '--project', 'bin']));
    expect(await namesIn('bin')).toEqual([]);
  });
});

describe('run', () => {
  let v: CliVault;
  const web = sampleKeys.github();
  const api = sampleKeys.generic();

  beforeAll(async () => {
    v = await createCliVault();
    await Promise.all([
      v.ok(['add', 'web-token', '--project', 'web', '--env', 'WEB_TOKEN'], { stdin: `${web}\n` }),
      v.ok(['add', 'api-token', '--project', 'api', '--env', 'API_TOKEN'], { stdin: `${api}\n` }),
    ]);
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('the child sees the project’s values in its environment; rekey itself prints none', async () => {
    const seen = join(v.work, 'seen.json');
    const script = `require('fs').writeFileSync(process.argv[1], JSON.stringify({ web: process.env.WEB_TOKEN ?? null, api: process.env.API_TOKEN ?? null })); console.log('child ran');`;
    const result = await v.ok(['run', '--project', 'web', '--', process.execPath, '-e', script, seen]);
    expect(JSON.parse(readFileSync(seen, 'utf8'))).toEqual({ web, api: null });
    expect(result.out).toBe('child ran\n');
    expect(result.stderr).not.toContain(web);
    expect(result.out).not.toContain(web);
  });

  it('with --all the child gets every secret', async () => {
    const script = `process.exit(process.env.WEB_TOKEN === ${JSON.stringify(web)} && process.env.API_TOKEN === ${JSON.stringify(api)} ? 0 : 9)`;
    expectOk(await v.run(['run', '--all', '--', process.execPath, '-e', script]));
  });

  it('without --project or --all it is a usage error that says so, and nothing runs', async () => {
    const marker = join(v.work, 'ran-without-scope');
    const result = await v.run(['run', '--', process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`]);
    expectUsageError(result);
    expect(result.stderr.split('\n')[0]).toMatch(/^rekey: .*--project P.*--all/);
    expect(existsSync(marker)).toBe(false);
    expectUsageError(await v.run(['run', '--all', '--project', 'web', '--', process.execPath, '-e', '0']));
  });

  it('passes the child’s exit code through', async () => {
    expect((await v.run(['run', '--project', 'web', '--', process.execPath, '-e', 'process.exit(7)'])).code).toBe(7);
    expect((await v.run(['run', '--project', 'web', '--', process.execPath, '-e', 'process.exit(0)'])).code).toBe(0);
  });

  it('a command that does not exist is one clear error', async () => {
    const line = expectCleanError(await v.run(['run', '--project', 'web', '--', 'rekey-no-such-command-xyz']));
    expect(line).toContain('rekey-no-such-command-xyz');
  });
});

describe('run and import with variables that load code', () => {
  let v: CliVault;
  const token = sampleKeys.generic();
  const planted = {
    LD_PRELOAD: '/tmp/rekey-test-planted-library.so',
    NODE_OPTIONS: '--require=/tmp/rekey-test-planted-module.js',
    PATH: '/tmp/rekey-test-planted-bin',
    DYLD_INSERT_LIBRARIES: '/tmp/rekey-test-planted.dylib',
  };
  /** The child prints the variables it was started with. */
  const printEnv = `process.stdout.write(JSON.stringify(Object.fromEntries(${JSON.stringify([...Object.keys(planted), 'APP_TOKEN'])}.map((n) => [n, process.env[n] ?? null]))))`;

  beforeAll(async () => {
    v = await createCliVault();
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('import stores them but warns, one line per variable, naming it', async () => {
    const file = join(v.work, 'hostile.env');
    writeFileSync(
      file,
      `${Object.entries(planted)
        .map(([name, value]) => `${name}=${value}`)
        .join('\n')}\nAPP_TOKEN=${token}\n`,
    );
    const result = await v.ok(['import', file, '--project', 'app']);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    for (const name of Object.keys(planted)) {
      expect(
        warnings.filter((line) => line.includes(` sets ${name},`)),
        name,
      ).toHaveLength(1);
    }
    expect(warnings.some((line) => line.includes('APP_TOKEN'))).toBe(false);
    expect(result.out).toContain('loads code');
  });

  it('rekey run never passes them from the vault: the child keeps its own, and each one is named on stderr', async () => {
    const result = expectOk(
      await v.run(['run', '--project', 'app', '--', process.execPath, '-e', printEnv], {
        env: { NODE_OPTIONS: '--no-warnings', LD_PRELOAD: undefined, DYLD_INSERT_LIBRARIES: undefined },
      }),
    );
    const seen = JSON.parse(result.out) as Record<string, string | null>;
    expect(seen).toEqual({
      LD_PRELOAD: null,
      NODE_OPTIONS: '--no-warnings',
      PATH: process.env['PATH'],
      DYLD_INSERT_LIBRARIES: null,
      APP_TOKEN: token,
    });
    for (const name of Object.keys(planted)) {
      expect(result.stderr).toMatch(new RegExp(`^warning: "app/${name}" sets ${name}, .*not passed`, 'm'));
    }
  });

  it('a key added by hand with --env LD_PRELOAD is dropped the same way', async () => {
    await v.ok(['add', 'sneaky', '--project', 'hand', '--env', 'ld_preload'], { stdin: '/tmp/rekey-test-other.so\n' });
    const result = await v.ok([
      'run',
      '--project',
      'hand',
      '--',
      process.execPath,
      '-e',
      'process.stdout.write(JSON.stringify([process.env.LD_PRELOAD ?? null, process.env.ld_preload ?? null]))',
    ]);
    expect(JSON.parse(result.out)).toEqual([null, null]);
    expect(result.stderr).toContain('"sneaky" sets ld_preload');
  });

  it('export writes them, with a warning naming each', async () => {
    const result = await v.ok(['export', '--project', 'app']);
    expect(dotenv.parse(result.stdout)).toMatchObject(planted);
    for (const name of Object.keys(planted)) expect(result.stderr).toContain(`"app/${name}" sets ${name},`);
  });
});
