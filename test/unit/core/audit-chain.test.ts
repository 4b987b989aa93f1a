import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryKeyStore, vaultDatabasePath } from '../../../electron/core/index.js';
import { type TempVault, createTempVault } from '../../support/temp-vault.js';
import { sampleKeys } from '../../support/sample-keys.js';

/** An attacker with the file but not the key: triggers are no obstacle to them. */
function tamper(home: string, sql: string, ...params: unknown[]): void {
  const db = new Database(vaultDatabasePath(home));
  db.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;');
  db.prepare(sql).run(...params);
  db.close();
}

describe('audit log tamper evidence', () => {
  let t: TempVault;

  beforeEach(async () => {
    t = await createTempVault(new MemoryKeyStore());
    for (const name of ['a', 'b', 'c', 'd']) t.vault.add({ name }, sampleKeys.generic());
    t.vault.reveal('b', 'reveal');
    // entries: 1 init, 2-5 add a..d, 6 reveal b
    expect(t.vault.verifyAudit()).toEqual({ ok: true, entries: 6 });
  });

  afterEach(() => t.dispose());

  it('refuses edits through SQL while the guard triggers are in place', () => {
    const db = new Database(vaultDatabasePath(t.home));
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 2').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_events SET action = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    db.close();
  });

  it('names an edited entry', () => {
    tamper(t.home, `UPDATE audit_events SET detail_json = '{"name":"z"}' WHERE seq = 3`);
    expect(t.vault.verifyAudit()).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'entry 3 was altered' });
  });

  it('names an entry whose timestamp was moved', () => {
    tamper(t.home, `UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 6`);
    expect(t.vault.verifyAudit()).toMatchObject({ ok: false, firstBrokenSeq: 6 });
  });

  it('names a deleted entry in the middle', () => {
    tamper(t.home, 'DELETE FROM audit_events WHERE seq = 4');
    expect(t.vault.verifyAudit()).toMatchObject({ ok: false, firstBrokenSeq: 4, reason: 'entry 4 is missing' });
  });

  it('notices the newest entries being cut off', () => {
    tamper(t.home, 'DELETE FROM audit_events WHERE seq >= 5');
    expect(t.vault.verifyAudit()).toMatchObject({ ok: false, firstBrokenSeq: 5, reason: 'entries 5 to 6 were removed' });
  });

  it('notices two entries swapped', () => {
    const db = new Database(vaultDatabasePath(t.home));
    db.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
    db.exec(`UPDATE audit_events SET seq = -2 WHERE seq = 2;
             UPDATE audit_events SET seq = 2 WHERE seq = 3;
             UPDATE audit_events SET seq = 3 WHERE seq = -2;`);
    db.close();
    expect(t.vault.verifyAudit()).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('notices a forged entry appended without the key', () => {
    tamper(
      t.home,
      `INSERT INTO audit_events (seq, at, action, secret_id, detail_json, prev_mac, mac)
       SELECT 7, at, 'secret.add', NULL, '{}', mac, zeroblob(32) FROM audit_events WHERE seq = 6`,
    );
    expect(t.vault.verifyAudit()).toMatchObject({ ok: false, firstBrokenSeq: 7 });
  });

  it('keeps appending and verifying after many changes, across reopen', async () => {
    for (let i = 0; i < 50; i++) t.vault.edit('a', { notes: `n${i}` });
    const reopened = await t.reopen();
    reopened.rotate('a', sampleKeys.generic());
    expect(reopened.verifyAudit()).toEqual({ ok: true, entries: 57 });
  });
});
