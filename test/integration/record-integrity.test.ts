import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, RekeyError, Vault, vaultDatabasePath, vaultKeyAccount } from '../../electron/core/index.js';
import {
  deriveVaultKeys,
  encodeVaultKey,
  fingerprintValue,
  keyCheckValue,
  newVaultKey,
  seal,
  secretAssociatedData,
} from '../../electron/core/crypto/index.js';
import { migrate } from '../../electron/core/store/migrations.js';
import { realKeyStore, testKeychainService } from '../support/real-keychain.js';
import { copyOfSecret, replaySecret, tamperWith } from '../support/tamper.js';
import { sampleKeys } from '../support/sample-keys.js';
import { type TempVault, createTempVault, tempDir } from '../support/temp-vault.js';

/**
 * Issue 13 items 1 and 2, on the real keychain: an attacker who can write vault.db (with
 * better-sqlite3 or Debian's sqlite3) but has no key changes what a key is; every value read
 * refuses that key with a clear integrity error naming it, the list marks it, and
 * `audit verify` names it, while the other keys still work.
 */
const service = testKeychainService();

function integrityError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RekeyError);
    expect((error as RekeyError).code).toBe('integrity');
    return (error as RekeyError).message;
  }
  throw new Error('expected an integrity error, but the read succeeded');
}

describe('record MACs: changes made outside Rekey are caught', () => {
  let t: TempVault;
  let path: string;
  const values = new Map<string, string>();

  const reopen = async (): Promise<Vault> => {
    t.vault.close();
    return t.reopen();
  };
  const problems = (vault: Vault) => vault.verifyRecords().problems.map((problem) => `${problem.subject}: ${problem.reason}`);

  beforeEach(async () => {
    t = await createTempVault(realKeyStore(service));
    path = vaultDatabasePath(t.home);
    const add = (name: string, value: string, project: string, env: string) => {
      t.vault.add({ name, project, envVar: env }, value);
      values.set(name, value);
    };
    add('gh', sampleKeys.github(), 'prod', 'GITHUB_TOKEN');
    add('dev', sampleKeys.generic(), 'dev', 'DEV_TOKEN');
    add('stripe', sampleKeys.stripe(), 'prod', 'STRIPE_KEY');
  });
  afterEach(async () => {
    await realKeyStore(service).delete(vaultKeyAccount(t.vault.vaultId));
    t.dispose();
  });

  const covered: Array<[string, string | number | null]> = [
    ['name', 'gh2'],
    ['env_var', 'LD_PRELOAD'],
    ['project', 'dev'],
    ['provider', 'generic'],
    ['notes', 'moved'],
    ['rotate_every_days', 3650],
    ['created_at', '2020-01-01T00:00:00.000Z'],
    ['updated_at', '2020-01-01T00:00:00.000Z'],
    ['exposed_at', '2026-05-01T00:00:00.000Z'],
    ['masked', 'ghp_…zzzz'],
    ['rotated_at', '2026-05-30T00:00:00.000Z'],
    ['due_at', '2099-01-01T00:00:00.000Z'],
  ];

  for (const [column, value] of covered) {
    it(`an edited ${column} is refused where the value is read, marked in the list and named by audit verify`, async () => {
      tamperWith(path, (db) => db.prepare(`UPDATE secrets SET ${column} = ? WHERE name = 'gh'`).run(value));
      const vault = await reopen();
      const name = column === 'name' ? 'gh2' : 'gh';
      for (const purpose of ['reveal', 'copy', 'export', 'run'] as const) {
        expect(integrityError(() => vault.reveal(name, purpose))).toMatch(new RegExp(`^"${name}" was changed outside Rekey: `));
      }
      expect(integrityError(() => vault.checkValues([vault.show(name)], () => null))).toContain(`"${name}"`);
      expect(vault.show(name).altered).toBe(true);
      expect(vault.list().map((secret) => [secret.name, secret.altered])).toEqual(
        expect.arrayContaining([
          [name, true],
          ['dev', false],
          ['stripe', false],
        ]),
      );
      // (masked and rotated_at are also copied in the current version row, which then disagrees too)
      expect(problems(vault)[0]).toMatch(new RegExp(`^"${name}": its row does not match its MAC`));
      expect(problems(vault).every((line) => line.startsWith(`"${name}"`))).toBe(true);
      // the others are untouched
      expect(vault.reveal('dev', 'reveal')).toBe(values.get('dev'));
      // and changing the altered key is refused too: an edit must not bless what was planted
      expect(integrityError(() => vault.edit(name, { notes: 'x' }))).toContain(`"${name}"`);
    });
  }

  it('a cleared "exposed" mark is caught', async () => {
    t.vault.markExposed('gh');
    tamperWith(path, (db) => db.prepare("UPDATE secrets SET exposed_at = NULL WHERE name = 'gh'").run());
    const vault = await reopen();
    expect(vault.show('gh').altered).toBe(true);
    expect(integrityError(() => vault.reveal('gh', 'run'))).toMatch(/^"gh" was changed outside Rekey/);
  });

  it('env vars swapped between a prod key and a dev key: both are refused', async () => {
    tamperWith(path, (db) => {
      db.exec(`UPDATE secrets SET env_var = 'TMP' WHERE name = 'gh';
               UPDATE secrets SET env_var = 'GITHUB_TOKEN' WHERE name = 'dev';
               UPDATE secrets SET env_var = 'DEV_TOKEN' WHERE name = 'gh';`);
    });
    const vault = await reopen();
    integrityError(() => vault.reveal('gh', 'run'));
    integrityError(() => vault.reveal('dev', 'run'));
    expect(vault.reveal('stripe', 'run')).toBe(values.get('stripe'));
    expect(problems(vault)).toHaveLength(2);
  });

  it('whole MACs swapped between two rows are refused', async () => {
    tamperWith(path, (db) => {
      const gh = db.prepare("SELECT mac FROM secrets WHERE name = 'gh'").get() as { mac: Buffer };
      const dev = db.prepare("SELECT mac FROM secrets WHERE name = 'dev'").get() as { mac: Buffer };
      db.prepare("UPDATE secrets SET mac = ? WHERE name = 'gh'").run(dev.mac);
      db.prepare("UPDATE secrets SET mac = ? WHERE name = 'dev'").run(gh.mac);
    });
    const vault = await reopen();
    integrityError(() => vault.reveal('gh', 'reveal'));
    integrityError(() => vault.reveal('dev', 'reveal'));
  });

  it('a rotation undone by putting the old rows back (old, valid MACs) is caught', async () => {
    const before = copyOfSecret(path, 'gh');
    const fresh = sampleKeys.github();
    t.vault.rotate('gh', fresh);
    replaySecret(path, before);
    const vault = await reopen();
    const message = integrityError(() => vault.reveal('gh', 'run'));
    expect(message).toMatch(/^"gh" was changed outside Rekey: its row is an older copy/);
    expect(vault.list().find((secret) => secret.name === 'gh')?.altered).toBe(true);
    expect(problems(vault).join('\n')).toMatch(/"gh": its row is an older copy/);
  });

  it('the current version pointed back at the old one (secrets row replayed alone) is caught', async () => {
    const before = copyOfSecret(path, 'gh');
    t.vault.rotate('gh', sampleKeys.github());
    tamperWith(path, (db) => {
      const row = before.secret;
      db.prepare('UPDATE secrets SET current_version = ?, masked = ?, rotated_at = ?, due_at = ?, mac = ?, mac_seq = ? WHERE id = ?').run(
        row['current_version'],
        row['masked'],
        row['rotated_at'],
        row['due_at'],
        row['mac'],
        row['mac_seq'],
        row['id'],
      );
    });
    const vault = await reopen();
    expect(integrityError(() => vault.reveal('gh', 'reveal'))).toMatch(/"gh" was changed outside Rekey/);
  });

  it('a version row replayed alone (the retired version made current again) is caught', async () => {
    const before = copyOfSecret(path, 'gh');
    t.vault.rotate('gh', sampleKeys.github());
    tamperWith(path, (db) => {
      const v1 = before.versions[0] as Record<string, unknown>;
      db.exec('DROP INDEX secret_versions_one_current');
      db.prepare('UPDATE secret_versions SET retired_at = ?, mac = ?, mac_seq = ? WHERE secret_id = ? AND version = 1').run(
        v1['retired_at'],
        v1['mac'],
        v1['mac_seq'],
        v1['secret_id'],
      );
      db.prepare('UPDATE secret_versions SET retired_at = ? WHERE secret_id = ? AND version = 2').run(
        '2026-06-01T12:00:00.000Z',
        v1['secret_id'],
      );
      db.exec('CREATE UNIQUE INDEX secret_versions_one_current ON secret_versions(secret_id) WHERE retired_at IS NULL');
    });
    const vault = await reopen();
    expect(integrityError(() => vault.reveal('gh', 'reveal'))).toMatch(/"gh" was changed outside Rekey: (version|its current version)/);
    expect(problems(vault).some((line) => line.startsWith('"gh" version'))).toBe(true);
  });

  const versionColumns: Array<[string, string | Buffer | null]> = [
    ['fingerprint', Buffer.alloc(32, 1)],
    ['masked', 'ghp_…0000'],
    ['rotated_at', '2026-01-01T00:00:00.000Z'],
    ['created_at', '2026-01-01T00:00:00.000Z'],
    ['retired_at', '2026-01-01T00:00:00.000Z'],
  ];
  for (const [column, value] of versionColumns) {
    it(`an edited version ${column} is caught`, async () => {
      tamperWith(path, (db) =>
        db.prepare(`UPDATE secret_versions SET ${column} = ? WHERE secret_id = (SELECT id FROM secrets WHERE name = 'gh')`).run(value),
      );
      const vault = await reopen();
      expect(integrityError(() => vault.reveal('gh', 'copy'))).toMatch(/^"gh" was changed outside Rekey: version 1 does not match its MAC/);
      expect(problems(vault)).toEqual([expect.stringMatching(/^"gh" version 1: version 1 does not match its MAC/)]);
    });
  }

  it("a secret's rows removed from the file are named by audit verify", async () => {
    tamperWith(path, (db) => db.prepare("DELETE FROM secrets WHERE name = 'dev'").run());
    const vault = await reopen();
    expect(problems(vault)).toEqual(['"dev": the audit log says it exists, but its row was removed from the file']);
  });

  it('a forged integrity record (mac_seq moved forward) is caught', async () => {
    tamperWith(path, (db) => db.prepare("UPDATE secrets SET mac_seq = mac_seq + 1 WHERE name = 'gh'").run());
    const vault = await reopen();
    integrityError(() => vault.reveal('gh', 'reveal'));
  });

  it("an edit with Debian's sqlite3 tool is caught", async () => {
    if (!existsSync('/usr/bin/sqlite3')) throw new Error('sqlite3 is not installed (apt-get install sqlite3; .ci/run installs it)');
    t.vault.close();
    execFileSync('/usr/bin/sqlite3', [path, "UPDATE secrets SET project = 'prod' WHERE name = 'dev';"]);
    const vault = await t.reopen();
    expect(integrityError(() => vault.reveal('dev', 'export'))).toMatch(/^"dev" was changed outside Rekey/);
    expect(vault.list({ project: 'prod' }).find((secret) => secret.name === 'dev')?.altered).toBe(true);
  });

  it('what Rekey itself writes keeps verifying: add, edit, rotate, undo, expose, delete, across reopen', async () => {
    t.vault.edit('gh', { notes: 'n', project: 'p2', rotatedAt: new Date('2026-05-01T00:00:00Z') });
    t.vault.rotate('dev', sampleKeys.generic());
    t.vault.rotate('dev', sampleKeys.generic());
    t.vault.undoRotate('dev');
    t.vault.markExposed('stripe');
    t.vault.clearExposed('stripe');
    t.vault.add({ name: 'gone' }, sampleKeys.generic());
    t.vault.remove('gone');
    t.vault.addMany([
      { input: { name: 'b1' }, value: sampleKeys.generic() },
      { input: { name: 'b2' }, value: sampleKeys.generic() },
    ]);
    t.vault.updateSettings({ autoLockMinutes: 5 });
    const vault = await reopen();
    expect(vault.verifyRecords().problems).toEqual([]);
    expect(vault.verifyAudit().ok).toBe(true);
    expect(vault.list().every((secret) => !secret.altered)).toBe(true);
    for (const name of ['gh', 'dev', 'stripe', 'b1', 'b2']) expect(() => vault.reveal(name, 'reveal')).not.toThrow();
    expect(vault.settings().autoLockMinutes).toBe(5);
  });
});

describe('settings MAC', () => {
  let t: TempVault;
  let path: string;
  beforeEach(async () => {
    t = await createTempVault(realKeyStore(service));
    path = vaultDatabasePath(t.home);
  });
  afterEach(async () => {
    await realKeyStore(service).delete(vaultKeyAccount(t.vault.vaultId));
    t.dispose();
  });

  const reopen = async () => {
    t.vault.close();
    return t.reopen();
  };

  it('auto-lock turned off in the file is not used: the safe default is, and audit verify names the settings', async () => {
    t.vault.updateSettings({ autoLockMinutes: 5, clipboardClearSeconds: 10 });
    tamperWith(path, (db) => db.prepare("UPDATE settings SET value = '0' WHERE key = 'autoLockMinutes'").run());
    const vault = await reopen();
    expect(vault.settings()).toMatchObject({ autoLockMinutes: 15, clipboardClearSeconds: 30 });
    expect(vault.verifyRecords().problems).toEqual([{ subject: 'settings', reason: 'they were changed outside Rekey' }]);
    // the next save writes and signs a full set; what was planted is not kept
    expect(vault.updateSettings({ leadDays: 7 })).toMatchObject({ autoLockMinutes: 15, leadDays: 7, clipboardClearSeconds: 30 });
    expect(vault.verifyRecords().problems).toEqual([]);
  });

  it('a setting planted in a vault that never saved any is not used', async () => {
    tamperWith(path, (db) => db.prepare("INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '0')").run());
    const vault = await reopen();
    expect(vault.settings().autoLockMinutes).toBe(15);
    expect(vault.verifyRecords().problems.map((problem) => problem.subject)).toEqual(['settings']);
  });

  it('an older settings set put back (its old MAC with it) is not used', async () => {
    t.vault.updateSettings({ autoLockMinutes: 0 });
    const old = tamperWith(path, (db) => ({
      rows: db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>,
      mac: (db.prepare("SELECT value FROM meta WHERE key = 'settings_mac'").get() as { value: string }).value,
    }));
    t.vault.updateSettings({ autoLockMinutes: 10 });
    tamperWith(path, (db) => {
      db.prepare('DELETE FROM settings').run();
      for (const row of old.rows) db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(row.key, row.value);
      db.prepare("UPDATE meta SET value = ? WHERE key = 'settings_mac'").run(old.mac);
    });
    const vault = await reopen();
    expect(vault.settings().autoLockMinutes).toBe(15);
    expect(vault.verifyRecords().problems[0]?.reason).toMatch(/older copy/);
  });

  it('the settings MAC removed is caught', async () => {
    t.vault.updateSettings({ autoLockMinutes: 5 });
    tamperWith(path, (db) => db.prepare("DELETE FROM meta WHERE key = 'settings_mac'").run());
    const vault = await reopen();
    expect(vault.settings().autoLockMinutes).toBe(15);
    expect(vault.verifyRecords().problems).toEqual([{ subject: 'settings', reason: 'their integrity record is missing' }]);
  });
});

describe('the audit log cannot vanish', () => {
  let t: TempVault;
  let path: string;
  beforeEach(async () => {
    t = await createTempVault(realKeyStore(service));
    path = vaultDatabasePath(t.home);
    t.vault.add({ name: 'a' }, sampleKeys.generic());
  });
  afterEach(async () => {
    await realKeyStore(service).delete(vaultKeyAccount(t.vault.vaultId));
    t.dispose();
  });

  it('starts with vault.init naming this vault', () => {
    const [first] = t.vault.auditEvents();
    expect(first).toMatchObject({ seq: 1, action: 'vault.init', detail: { vaultId: t.vault.vaultId } });
    expect(t.vault.verifyAudit()).toEqual({ ok: true, entries: 2 });
  });

  it('the whole log and its head deleted: audit verify fails', async () => {
    tamperWith(path, (db) => {
      db.prepare('DELETE FROM audit_events').run();
      db.prepare("DELETE FROM meta WHERE key = 'audit_head'").run();
    });
    t.vault.close();
    const vault = await t.reopen();
    const verdict = vault.verifyAudit();
    expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: 1 });
    expect(verdict.ok ? '' : verdict.reason).toMatch(/empty/);
    // and the rows it vouched for are no longer bound to anything
    expect(vault.verifyRecords().problems.map((problem) => problem.subject)).toEqual(['"a"']);
  });

  it("a log that no longer starts at the vault's creation fails, even if the rest is intact", async () => {
    tamperWith(path, (db) => db.prepare('DELETE FROM audit_events WHERE seq = 1').run());
    t.vault.close();
    const vault = await t.reopen();
    expect(vault.verifyAudit()).toMatchObject({ ok: false, firstBrokenSeq: 1 });
  });
});

describe('vault files are 0600 whatever the umask (issue 13 item 8)', () => {
  it('a vault created and kept open under umask 022 (the app after "Create vault") has vault.db, -wal and -shm 0600', async () => {
    const umask = process.umask(0o022);
    let t: TempVault | undefined;
    try {
      t = await createTempVault(realKeyStore(service));
      const path = vaultDatabasePath(t.home);
      const mode = (file: string) => statSync(file).mode & 0o777;
      expect([mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual([0o600, 0o600, 0o600]);
      t.vault.add({ name: 'k' }, sampleKeys.generic());
      expect([mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    } finally {
      process.umask(umask);
      if (t) {
        await realKeyStore(service).delete(vaultKeyAccount(t.vault.vaultId));
        t.dispose();
      }
    }
  });
});

describe('a vault made before record MACs (schema 2): trust on upgrade', () => {
  /** What Rekey before issue 13 wrote: schema 2, vault.init without the marker, no MACs. */
  async function schema2Vault(home: string, value: string): Promise<string> {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    const db = new Database(vaultDatabasePath(home));
    try {
      migrate(db, 2);
      db.pragma('journal_mode = WAL');
      const vaultId = randomUUID();
      const vaultKey = newVaultKey();
      const keys = deriveVaultKeys(vaultKey, vaultId);
      const audit = new AuditLog(db, keys.audit);
      const stamp = '2026-05-01T00:00:00.000Z';
      db.transaction(() => {
        const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        meta.run('vault_id', vaultId);
        meta.run('key_check', keyCheckValue(keys));
        meta.run('created_at', stamp);
        audit.append(new Date(stamp), 'vault.init', null, { vaultId });
        const id = randomUUID();
        db.prepare(
          `INSERT INTO secrets (id, name, env_var, provider, project, notes, rotate_every_days, created_at, updated_at, exposed_at,
          current_version, masked, rotated_at, due_at) VALUES (?, 'old', 'OLD', 'generic', 'p', '', 90, ?, ?, NULL, 1, 'abc…xyz', ?, '2026-07-30T00:00:00.000Z')`,
        ).run(id, stamp, stamp, stamp);
        const sealed = seal(keys.encryption, Buffer.from(value), secretAssociatedData(id, 1));
        db.prepare(
          `INSERT INTO secret_versions (secret_id, version, ciphertext, nonce, tag, fingerprint, masked, rotated_at, created_at, retired_at)
          VALUES (?, 1, ?, ?, ?, ?, 'abc…xyz', ?, ?, NULL)`,
        ).run(id, sealed.ciphertext, sealed.nonce, sealed.tag, fingerprintValue(keys, value), stamp, stamp);
        audit.append(new Date(stamp), 'secret.add', id, { name: 'old', provider: 'generic', project: 'p' });
        db.prepare("INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '5')").run();
      })();
      await realKeyStore(service).set(vaultKeyAccount(vaultId), encodeVaultKey(vaultKey));
      return vaultId;
    } finally {
      db.close();
    }
  }

  let dir: { path: string; remove: () => void };
  let vaultId = '';
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    await realKeyStore(service).delete(vaultKeyAccount(vaultId));
    dir.remove();
  });

  it('is signed once, on its first unlocked open, and recorded in the audit log', async () => {
    const home = join(dir.path, 'vault');
    const value = sampleKeys.generic();
    vaultId = await schema2Vault(home, value);
    const first = await Vault.open({ home, keyStore: realKeyStore(service) });
    expect(first.reveal('old', 'reveal')).toBe(value);
    expect(first.settings().autoLockMinutes).toBe(5);
    expect(first.verifyRecords().problems).toEqual([]);
    expect(first.verifyAudit().ok).toBe(true);
    first.close();
    const again = await Vault.open({ home, keyStore: realKeyStore(service) });
    expect(again.auditEvents().filter((event) => event.action === 'vault.records-signed')).toEqual([
      expect.objectContaining({ seq: 3, detail: { secrets: 1, versions: 1 } }),
    ]);
    again.close();
  });

  it('after that, a row whose MAC was removed is reported, never signed again', async () => {
    const home = join(dir.path, 'vault');
    vaultId = await schema2Vault(home, sampleKeys.generic());
    (await Vault.open({ home, keyStore: realKeyStore(service) })).close();
    tamperWith(vaultDatabasePath(home), (db) => db.prepare('UPDATE secrets SET mac = NULL, mac_seq = NULL, env_var = ?').run('LD_PRELOAD'));
    const vault = await Vault.open({ home, keyStore: realKeyStore(service) });
    try {
      expect(integrityError(() => vault.reveal('old', 'run'))).toMatch(/^"old" was changed outside Rekey: its row has no integrity record/);
      expect(vault.auditEvents().filter((event) => event.action === 'vault.records-signed')).toHaveLength(1);
    } finally {
      vault.close();
    }
  });
});
