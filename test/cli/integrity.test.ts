import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliVault, REKEY_BIN, createCliVault, expectCleanError } from '../support/cli-runner.js';
import { requirePrivateKeyring } from '../support/real-keychain.js';
import { copyOfSecret, replaySecret, tamperWith } from '../support/tamper.js';
import { sampleKeys } from '../support/sample-keys.js';

// Fails loudly, rather than skipping, outside test/scripts/with-private-keyring.sh.
requirePrivateKeyring();

const mode = (file: string) => statSync(file).mode & 0o777;

/** `rekey ARGS` under umask 022, stdin held open until `feed` is called. */
function rekeyUnderUmask022(v: CliVault, args: readonly string[]) {
  const child = spawn('sh', ['-c', 'umask 022; exec "$@"', 'sh', process.execPath, REKEY_BIN, ...args], {
    env: { ...process.env, ...v.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return {
    feed: (text: string) => child.stdin.end(text),
    done: async () => ({ code: await done, stderr }),
  };
}

describe('vault files are private whatever the umask (issue 13 item 8)', () => {
  let v: CliVault;
  beforeAll(async () => {
    v = await createCliVault({ init: false });
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('rekey init under umask 022 makes vault.db 0600 and its folder 0700', async () => {
    const init = rekeyUnderUmask022(v, ['init']);
    init.feed('');
    expect(await init.done()).toMatchObject({ code: 0 });
    expect(mode(v.dbPath)).toBe(0o600);
    expect(mode(v.home)).toBe(0o700);
  });

  it('while rekey add has the vault open, vault.db-wal and vault.db-shm are 0600', async () => {
    const add = rekeyUnderUmask022(v, ['add', 'k']);
    // add opens the vault, then waits for the value on stdin: the WAL files exist meanwhile
    for (let i = 0; i < 200 && !existsSync(`${v.dbPath}-shm`); i++) await sleep(25);
    const modes = [mode(v.dbPath), mode(`${v.dbPath}-wal`), mode(`${v.dbPath}-shm`)];
    add.feed(`${sampleKeys.generic()}\n`);
    expect(await add.done()).toMatchObject({ code: 0 });
    expect(modes).toEqual([0o600, 0o600, 0o600]);
    expect(mode(v.dbPath)).toBe(0o600);
  });
});

describe('rows changed outside Rekey, through the CLI', () => {
  let v: CliVault;
  const gh = sampleKeys.github();
  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'gh', '--project', 'prod', '--env', 'GITHUB_TOKEN'], { stdin: `${gh}\n` });
    await v.ok(['add', 'dev', '--project', 'dev', '--env', 'DEV_TOKEN'], { stdin: `${sampleKeys.generic()}\n` });
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('an env var changed with SQL: get, run and export refuse it by name; list and show mark it; verify names it and exits 1', async () => {
    tamperWith(v.dbPath, (db) => db.prepare("UPDATE secrets SET env_var = 'DEPLOY_TOKEN' WHERE name = 'gh'").run());
    expect(expectCleanError(await v.run(['get', 'gh']))).toMatch(/^rekey: "gh" was changed outside Rekey: /);
    expect(expectCleanError(await v.run(['export', '--project', 'prod']))).toContain('"gh" was changed outside Rekey');
    expect(expectCleanError(await v.run(['run', '--project', 'prod', '--', 'true']))).toContain('"gh" was changed outside Rekey');
    const list = await v.ok(['list']);
    expect(list.out).toMatch(/gh .*ALTERED/);
    expect(list.stderr).toMatch(/1 secret was changed outside Rekey/);
    expect((await v.ok(['show', 'gh'])).out).toMatch(/^ALTERED/m);
    expect(JSON.parse((await v.ok(['list', '--json'])).out)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'gh', altered: true }),
        expect.objectContaining({ name: 'dev', altered: false }),
      ]),
    );
    const verify = await v.run(['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.out).toMatch(/"gh": its row does not match its MAC/);
    expect(verify.out).not.toMatch(/"dev"/);
    expect((await v.ok(['get', 'dev'])).out.length).toBeGreaterThan(0);
  });

  it('putting the row back as it was makes everything work again', async () => {
    tamperWith(v.dbPath, (db) => db.prepare("UPDATE secrets SET env_var = 'GITHUB_TOKEN' WHERE name = 'gh'").run());
    expect((await v.ok(['get', 'gh'])).out).toBe(gh);
    await v.ok(['audit', 'verify']);
  });

  it('a rotation undone by restoring the old rows is refused', async () => {
    const before = copyOfSecret(v.dbPath, 'gh');
    await v.ok(['rotate', 'gh'], { stdin: `${sampleKeys.github()}\n` });
    replaySecret(v.dbPath, before);
    expect(expectCleanError(await v.run(['get', 'gh']))).toMatch(/"gh" was changed outside Rekey: its row is an older copy/);
    const verify = await v.run(['audit', 'verify', '--json']);
    expect(verify.code).toBe(1);
    const report = JSON.parse(verify.out) as { records: { problems: Array<{ subject: string }> } };
    expect(report.records.problems.map((problem) => problem.subject)).toContain('"gh"');
  });

  it('a trigger planted in the file: every command refuses to open the vault, naming it', async () => {
    tamperWith(v.dbPath, (db) => db.exec('CREATE TRIGGER spy AFTER UPDATE ON secrets BEGIN SELECT 1; END;'));
    const line = expectCleanError(await v.run(['list']));
    expect(line).toMatch(/trigger "spy" that Rekey did not create/);
  });
});

describe('the audit log erased', () => {
  let v: CliVault;
  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'a'], { stdin: `${sampleKeys.generic()}\n` });
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('audit verify fails (exit 1) when the whole log and its head are deleted', async () => {
    tamperWith(v.dbPath, (db) => {
      db.prepare('DELETE FROM audit_events').run();
      db.prepare("DELETE FROM meta WHERE key = 'audit_head'").run();
    });
    const verify = await v.run(['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.out).toMatch(/Audit log: BROKEN at entry 1: the log is empty/);
  });
});
