import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryKeyStore, RekeyError, type Vault } from '../../electron/core/index.js';
import { type TempVault, createTempVault, sampleKeys } from '../support/temp-vault.js';
import { recordFigures } from './support/figures.js';

/**
 * Item 4 of issue 5: every byte of every ciphertext, nonce and tag is flipped in turn; each
 * flip must make exactly that one secret fail its integrity check while every other secret
 * still opens. Ciphertexts moved between rows fail. Every audit entry is edited, deleted and
 * moved in turn, and `audit verify` must name that entry's number.
 */
const tally = { tried: 0, detected: 0 };
const record = (detected: boolean) => {
  tally.tried++;
  if (detected) tally.detected++;
};

function integrityFailure(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    return error instanceof RekeyError && error.code === 'integrity';
  }
}

describe('tampering with the vault file', () => {
  let temp: TempVault;
  let vault: Vault;
  let raw: Database.Database;
  const names = ['gh', 'stripe', 'aws', 'generic-1', 'generic-2', 'pem'];
  const values = new Map<string, string>();

  beforeAll(async () => {
    temp = await createTempVault(new MemoryKeyStore());
    vault = temp.vault;
    const make = [sampleKeys.github, sampleKeys.stripe, sampleKeys.aws, sampleKeys.generic, sampleKeys.generic];
    names.forEach((name, index) => {
      const value = index < make.length ? (make[index] as () => string)() : `-----BEGIN KEY-----\n${sampleKeys.generic()}\n-----END KEY-----\n`;
      vault.add({ name }, value);
      values.set(name, value);
    });
    // history too: the previous versions are stored values an attacker could alter
    for (const name of ['gh', 'stripe']) {
      const value = sampleKeys.generic();
      vault.rotate(name, value);
      values.set(name, value);
    }
    raw = new Database(join(temp.home, 'vault.db'));
    // a deliberate attacker removes our guard triggers first; the MAC chain must still catch them
    raw.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
  });
  afterAll(() => {
    raw.close();
    temp.dispose();
    recordFigures('tamper', tally);
  });

  it('a flipped byte in any ciphertext, nonce or tag breaks that one secret and no other', () => {
    const rows = raw.prepare('SELECT v.rowid AS rowid, s.name, v.version, v.retired_at IS NULL AS current, v.ciphertext, v.nonce, v.tag FROM secret_versions v JOIN secrets s ON s.id = v.secret_id').all() as Array<{
      rowid: number;
      name: string;
      version: number;
      current: number;
      ciphertext: Buffer;
      nonce: Buffer;
      tag: Buffer;
    }>;
    const misses: string[] = [];
    for (const row of rows) {
      for (const column of ['ciphertext', 'nonce', 'tag'] as const) {
        const original = row[column];
        for (let index = 0; index < original.length; index++) {
          const changed = Buffer.from(original);
          changed[index] = (changed[index] as number) ^ (1 << index % 8);
          raw.prepare(`UPDATE secret_versions SET ${column} = ? WHERE rowid = ?`).run(changed, row.rowid);
          const report = vault.verifyValues();
          const onlyThisOne = report.broken.length === 1 && report.broken[0]?.name === row.name && report.broken[0].version === row.version;
          // the secret's own reveal refuses (current version), the others still open
          const revealRefused = !row.current || integrityFailure(() => vault.checkValues([vault.show(row.name)], () => null));
          const othersOpen = names.filter((name) => name !== row.name).every((name) => !integrityFailure(() => vault.checkValues([vault.show(name)], () => null)));
          const detected = onlyThisOne && revealRefused && othersOpen;
          record(detected);
          if (!detected) misses.push(`${row.name} v${row.version} ${column}[${index}]`);
          raw.prepare(`UPDATE secret_versions SET ${column} = ? WHERE rowid = ?`).run(original, row.rowid);
        }
      }
    }
    expect(misses).toEqual([]);
    expect(vault.verifyValues().broken).toEqual([]);
  });

  it('a ciphertext moved to another secret, or to another version of its own, fails', () => {
    const sealed = (name: string, version: number) =>
      raw
        .prepare('SELECT v.rowid AS rowid, ciphertext, nonce, tag FROM secret_versions v JOIN secrets s ON s.id = v.secret_id WHERE s.name = ? AND v.version = ?')
        .get(name, version) as { rowid: number; ciphertext: Buffer; nonce: Buffer; tag: Buffer };
    const put = (rowid: number, from: { ciphertext: Buffer; nonce: Buffer; tag: Buffer }) =>
      raw.prepare('UPDATE secret_versions SET ciphertext = ?, nonce = ?, tag = ? WHERE rowid = ?').run(from.ciphertext, from.nonce, from.tag, rowid);
    const moves: Array<[string, number, string, number]> = [
      ['generic-1', 1, 'generic-2', 1],
      ['aws', 1, 'pem', 1],
      ['gh', 1, 'gh', 2],
      ['stripe', 2, 'stripe', 1],
      ['gh', 2, 'stripe', 2],
    ];
    for (const [fromName, fromVersion, toName, toVersion] of moves) {
      const target = sealed(toName, toVersion);
      put(target.rowid, sealed(fromName, fromVersion));
      const broken = vault.verifyValues().broken;
      const detected = broken.length === 1 && broken[0]?.name === toName && broken[0].version === toVersion;
      record(detected);
      expect(detected, `${fromName} v${fromVersion} -> ${toName} v${toVersion}`).toBe(true);
      put(target.rowid, target);
    }
  });

  describe('the audit log', () => {
    type Row = { seq: number; at: string; action: string; secret_id: string | null; detail_json: string; prev_mac: Buffer; mac: Buffer };
    const all = () => raw.prepare('SELECT * FROM audit_events ORDER BY seq').all() as Row[];
    const restore = (rows: Row[]) => {
      raw.prepare('DELETE FROM audit_events').run();
      const insert = raw.prepare('INSERT INTO audit_events (seq, at, action, secret_id, detail_json, prev_mac, mac) VALUES (@seq, @at, @action, @secret_id, @detail_json, @prev_mac, @mac)');
      for (const row of rows) insert.run(row);
    };
    const verdictNames = (seq: number) => {
      const verdict = vault.verifyAudit();
      return !verdict.ok && verdict.firstBrokenSeq === seq;
    };

    it('an edited entry is reported with its number, whichever field was edited', () => {
      const original = all();
      expect(vault.verifyAudit().ok).toBe(true);
      const edits: Array<[string, (row: Row) => unknown]> = [
        ['at', (row) => row.at.replace(/\d(?=Z$)/, (digit) => String((Number(digit) + 1) % 10))],
        ['action', (row) => (row.action === 'secret.add' ? 'secret.edit' : 'secret.add')],
        ['detail_json', (row) => row.detail_json.replace('{', '{"x":1,')],
        ['secret_id', (row) => (row.secret_id === null ? 'someone' : null)],
      ];
      const misses: string[] = [];
      for (const row of original) {
        for (const [column, change] of edits) {
          raw.prepare(`UPDATE audit_events SET ${column} = ? WHERE seq = ?`).run(change(row), row.seq);
          const detected = verdictNames(row.seq);
          record(detected);
          if (!detected) misses.push(`entry ${row.seq} ${column}`);
          restore(original);
        }
      }
      expect(misses).toEqual([]);
    });

    it('a deleted entry, including the newest, is reported with its number', () => {
      const original = all();
      const misses: string[] = [];
      for (const row of original) {
        raw.prepare('DELETE FROM audit_events WHERE seq = ?').run(row.seq);
        const detected = verdictNames(row.seq);
        record(detected);
        if (!detected) misses.push(`entry ${row.seq}`);
        restore(original);
      }
      expect(misses).toEqual([]);
    });

    it('two entries swapped (reordered) are reported at the first of them', () => {
      const original = all();
      const misses: string[] = [];
      for (let index = 0; index + 1 < original.length; index++) {
        const a = original[index] as Row;
        const b = original[index + 1] as Row;
        const swapped = original.map((row) => (row === a ? { ...b, seq: a.seq } : row === b ? { ...a, seq: b.seq } : row));
        restore(swapped);
        const detected = verdictNames(a.seq);
        record(detected);
        if (!detected) misses.push(`entries ${a.seq} and ${b.seq}`);
        restore(original);
      }
      expect(misses).toEqual([]);
      expect(vault.verifyAudit().ok).toBe(true);
    });
  });
});
