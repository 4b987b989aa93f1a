import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MemoryKeyStore, RekeyError, type Vault } from '../../electron/core/index.js';
import { openDatabase } from '../../electron/core/store/database.js';
import { type TempVault, createTempVault, tempDir } from '../support/temp-vault.js';
import { sampleKeys } from '../support/sample-keys.js';
import { recordFigures } from './support/figures.js';

/**
 * Item 4 of issue 5, widened by issue 13 items 1 and 2. Every class of change an attacker with
 * the file (and no key) could make, each tried in turn and put back:
 * - values:   every byte of every ciphertext, nonce and tag flipped; ciphertexts moved between rows
 * - rows:     every covered column of every secret edited, env vars swapped, older rows replayed
 * - versions: every covered column of every version row edited, an older version row replayed
 * - settings: every setting edited, one planted, the MAC removed, an older set replayed
 * - schema:   triggers, views, tables and indexes planted, a guard trigger removed or altered
 * - log:      every audit entry edited, deleted and moved; the whole log erased; entry 1 removed
 * Each must be caught where it matters (the value read refused, naming that key; the list marking
 * it; `audit verify` naming it; settings falling back to the defaults; the vault refusing to open).
 */
const CLASSES = ['values', 'rows', 'versions', 'settings', 'schema', 'log'] as const;
type TamperClass = (typeof CLASSES)[number];
const tally = Object.fromEntries(CLASSES.map((cls) => [cls, { tried: 0, detected: 0 }])) as Record<
  TamperClass,
  { tried: number; detected: number }
>;
const record = (detected: boolean, cls: TamperClass = 'values') => {
  tally[cls].tried++;
  if (detected) tally[cls].detected++;
};
afterAll(() => {
  const figures: Record<string, number> = {
    tried: CLASSES.reduce((sum, cls) => sum + tally[cls].tried, 0),
    detected: CLASSES.reduce((sum, cls) => sum + tally[cls].detected, 0),
  };
  for (const cls of CLASSES) {
    figures[`${cls}Tried`] = tally[cls].tried;
    figures[`${cls}Detected`] = tally[cls].detected;
  }
  recordFigures('tamper', figures);
});

function integrityFailure(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    return error instanceof RekeyError && error.code === 'integrity';
  }
}

const SAVED_SETTINGS = {
  defaultRotateEveryDays: 60,
  leadDays: 10,
  overdueRepeatDays: 2,
  clipboardClearSeconds: 20,
  autoLockMinutes: 5,
  launchAtLogin: true,
  notifications: false,
} as const;

type Row = Record<string, unknown>;
interface StoredRows {
  readonly secret: Row;
  readonly versions: Row[];
}

function copyRows(db: Database.Database, name: string, close = false): StoredRows {
  const secret = db.prepare('SELECT * FROM secrets WHERE name = ?').get(name) as Row;
  const versions = db.prepare('SELECT * FROM secret_versions WHERE secret_id = ? ORDER BY version').all(secret['id']) as Row[];
  if (close) db.close();
  return { secret, versions };
}

function putRows(db: Database.Database, rows: StoredRows): void {
  const insert = (table: string, row: Row) => {
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`).run(row);
  };
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    db.prepare('DELETE FROM secret_versions WHERE secret_id = ?').run(rows.secret['id']);
    db.prepare('DELETE FROM secrets WHERE id = ?').run(rows.secret['id']);
    insert('secrets', rows.secret);
    for (const version of rows.versions) insert('secret_versions', version);
  })();
}

/** A different value of the same type (a different date stays a date). */
function changed(value: unknown): unknown {
  if (value === null) return '2026-05-01T00:00:00.000Z';
  if (typeof value === 'number') return value + 1;
  if (Buffer.isBuffer(value)) {
    const copy = Buffer.from(value);
    copy[0] = (copy[0] as number) ^ 1;
    return copy;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^\d{4}-/.test(text) ? text.replace(/^\d{4}/, (year) => String(Number(year) - 1)) : `${text}x`;
}

describe('tampering with the vault file', () => {
  let temp: TempVault;
  let vault: Vault;
  let raw: Database.Database;
  const names = ['gh', 'stripe', 'aws', 'generic-1', 'generic-2', 'pem'];
  const values = new Map<string, string>();
  let beforeRotation: StoredRows;

  beforeAll(async () => {
    temp = await createTempVault(new MemoryKeyStore());
    vault = temp.vault;
    const make = [sampleKeys.github, sampleKeys.stripe, sampleKeys.aws, sampleKeys.generic, sampleKeys.generic];
    names.forEach((name, index) => {
      const value =
        index < make.length ? (make[index] as () => string)() : `-----BEGIN KEY-----\n${sampleKeys.generic()}\n-----END KEY-----\n`;
      vault.add({ name }, value);
      values.set(name, value);
    });
    // every setting saved, so each one is a stored row an attacker could edit
    vault.updateSettings({ ...SAVED_SETTINGS });
    beforeRotation = copyRows(new Database(join(temp.home, 'vault.db'), { readonly: true }), 'gh', true);
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
  });

  it('a flipped byte in any ciphertext, nonce or tag breaks that one secret and no other', () => {
    const rows = raw
      .prepare(
        'SELECT v.rowid AS rowid, s.name, v.version, v.retired_at IS NULL AS current, v.ciphertext, v.nonce, v.tag FROM secret_versions v JOIN secrets s ON s.id = v.secret_id',
      )
      .all() as Array<{
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
          changed[index] = (changed[index] as number) ^ (1 << (index % 8));
          raw.prepare(`UPDATE secret_versions SET ${column} = ? WHERE rowid = ?`).run(changed, row.rowid);
          const report = vault.verifyValues();
          const onlyThisOne = report.broken.length === 1 && report.broken[0]?.name === row.name && report.broken[0].version === row.version;
          // the secret's own reveal refuses (current version), the others still open
          const revealRefused = !row.current || integrityFailure(() => vault.checkValues([vault.show(row.name)], () => null));
          const othersOpen = names
            .filter((name) => name !== row.name)
            .every((name) => !integrityFailure(() => vault.checkValues([vault.show(name)], () => null)));
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
        .prepare(
          'SELECT v.rowid AS rowid, ciphertext, nonce, tag FROM secret_versions v JOIN secrets s ON s.id = v.secret_id WHERE s.name = ? AND v.version = ?',
        )
        .get(name, version) as { rowid: number; ciphertext: Buffer; nonce: Buffer; tag: Buffer };
    const put = (rowid: number, from: { ciphertext: Buffer; nonce: Buffer; tag: Buffer }) =>
      raw
        .prepare('UPDATE secret_versions SET ciphertext = ?, nonce = ?, tag = ? WHERE rowid = ?')
        .run(from.ciphertext, from.nonce, from.tag, rowid);
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

  /** Exactly this secret is refused, marked and named; every other one still opens. */
  const onlyThisSecretCaught = (id: string, verifySubject: RegExp): boolean => {
    const summaries = vault.list();
    const target = summaries.find((secret) => secret.id === id);
    const refused = target !== undefined && integrityFailure(() => vault.checkValues([target], () => null));
    const marked = summaries.filter((secret) => secret.altered).map((secret) => secret.id);
    const others = summaries
      .filter((secret) => secret.id !== id)
      .every((secret) => !integrityFailure(() => vault.checkValues([secret], () => null)));
    const problems = vault.verifyRecords().problems;
    const named = problems.length > 0 && problems.every((problem) => verifySubject.test(problem.subject));
    return refused && marked.length === 1 && marked[0] === id && others && named;
  };

  it('rows: every covered column of every secret edited is caught for that secret alone', () => {
    const columns = [
      'name',
      'env_var',
      'provider',
      'project',
      'notes',
      'rotate_every_days',
      'created_at',
      'updated_at',
      'exposed_at',
      'current_version',
      'masked',
      'rotated_at',
      'due_at',
    ];
    const misses: string[] = [];
    for (const name of names) {
      const original = copyRows(raw, name);
      const id = String(original.secret['id']);
      for (const column of columns) {
        raw.prepare(`UPDATE secrets SET ${column} = ? WHERE id = ?`).run(changed(original.secret[column]), id);
        const subjectName = column === 'name' ? `${name}x` : name;
        const detected = onlyThisSecretCaught(id, new RegExp(`^"${subjectName}"`));
        record(detected, 'rows');
        if (!detected) misses.push(`${name}.${column}`);
        putRows(raw, original);
      }
    }
    expect(misses).toEqual([]);
    expect(vault.verifyRecords().problems).toEqual([]);
  });

  it('rows: env vars and projects swapped between keys, MACs swapped, and a forged mac_seq are caught', () => {
    const misses: string[] = [];
    const pairs: Array<[string, string, string]> = [
      ['gh', 'stripe', 'env_var'],
      ['aws', 'generic-1', 'provider'],
      ['generic-1', 'generic-2', 'mac'],
      ['pem', 'gh', 'env_var'],
    ];
    for (const [a, b, column] of pairs) {
      const rowsA = copyRows(raw, a);
      const rowsB = copyRows(raw, b);
      raw.prepare(`UPDATE secrets SET ${column} = ? WHERE id = ?`).run(rowsB.secret[column], rowsA.secret['id']);
      raw.prepare(`UPDATE secrets SET ${column} = ? WHERE id = ?`).run(rowsA.secret[column], rowsB.secret['id']);
      const refusedBoth = [a, b].every((name) => integrityFailure(() => vault.checkValues([vault.show(name)], () => null)));
      const detected = refusedBoth && vault.verifyRecords().problems.length === 2;
      record(detected, 'rows');
      if (!detected) misses.push(`${a} <-> ${b} ${column}`);
      putRows(raw, rowsA);
      putRows(raw, rowsB);
    }
    for (const name of names) {
      const original = copyRows(raw, name);
      raw.prepare('UPDATE secrets SET mac_seq = mac_seq + 1 WHERE id = ?').run(original.secret['id']);
      const detected = onlyThisSecretCaught(String(original.secret['id']), new RegExp(`^"${name}"`));
      record(detected, 'rows');
      if (!detected) misses.push(`${name} mac_seq`);
      putRows(raw, original);
    }
    expect(misses).toEqual([]);
  });

  it('rows: a rotation undone by putting the older rows back (valid old MACs) is caught', () => {
    const now = copyRows(raw, 'gh');
    const misses: string[] = [];
    // the whole secret replayed; only its secrets row; only its old version row
    const replays: Array<[string, () => void]> = [
      ['whole secret', () => putRows(raw, beforeRotation)],
      ['secrets row', () => putRows(raw, { secret: beforeRotation.secret, versions: now.versions })],
      [
        'version row',
        () => {
          const v1 = beforeRotation.versions[0] as Row;
          raw.exec('DROP INDEX secret_versions_one_current');
          raw
            .prepare('UPDATE secret_versions SET retired_at = NULL, mac = ?, mac_seq = ? WHERE secret_id = ? AND version = 1')
            .run(v1['mac'], v1['mac_seq'], v1['secret_id']);
        },
      ],
    ];
    for (const [what, replay] of replays) {
      replay();
      const detected =
        integrityFailure(() => vault.checkValues([{ id: String(now.secret['id']), name: 'gh' }], () => null)) ||
        vault.verifyRecords().problems.some((problem) => problem.subject.startsWith('"gh"'));
      const named = vault.verifyRecords().problems.some((problem) => problem.subject.startsWith('"gh"'));
      record(detected && named, 'rows');
      if (!(detected && named)) misses.push(what);
      putRows(raw, now);
      if (what === 'version row')
        raw.exec('CREATE UNIQUE INDEX secret_versions_one_current ON secret_versions(secret_id) WHERE retired_at IS NULL');
    }
    expect(misses).toEqual([]);
    expect(vault.verifyRecords().problems).toEqual([]);
  });

  it('versions: every covered column of every version row edited is named by audit verify (and refused when current)', () => {
    const rows = raw
      .prepare(
        'SELECT v.rowid AS rowid, s.name, v.version, v.retired_at IS NULL AS current FROM secret_versions v JOIN secrets s ON s.id = v.secret_id',
      )
      .all() as Array<{ rowid: number; name: string; version: number; current: number }>;
    const misses: string[] = [];
    for (const row of rows) {
      for (const column of ['fingerprint', 'masked', 'rotated_at', 'created_at', 'retired_at']) {
        const original = (
          raw.prepare(`SELECT ${column} AS value FROM secret_versions WHERE rowid = ?`).get(row.rowid) as { value: unknown }
        ).value;
        // a retired version keeps a date: clearing it would break the one-current index, which the schema check guards
        raw.prepare(`UPDATE secret_versions SET ${column} = ? WHERE rowid = ?`).run(changed(original), row.rowid);
        const problems = vault.verifyRecords().problems;
        const named = problems.length === 1 && problems[0]?.subject === `"${row.name}" version ${row.version}`;
        const refused = !row.current || integrityFailure(() => vault.checkValues([vault.show(row.name)], () => null));
        record(named && refused, 'versions');
        if (!(named && refused)) misses.push(`${row.name} v${row.version} ${column}`);
        raw.prepare(`UPDATE secret_versions SET ${column} = ? WHERE rowid = ?`).run(original, row.rowid);
      }
    }
    expect(misses).toEqual([]);
  });

  it('settings: each edited, one planted, one removed, the MAC removed, an older set replayed: the defaults are used', () => {
    expect(vault.settings()).toEqual(SAVED_SETTINGS);
    const rows = raw.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    const mac = (raw.prepare("SELECT value FROM meta WHERE key = 'settings_mac'").get() as { value: string }).value;
    const putBack = () => {
      raw.prepare('DELETE FROM settings').run();
      for (const row of rows) raw.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(row.key, row.value);
      raw.prepare("UPDATE meta SET value = ? WHERE key = 'settings_mac'").run(mac);
    };
    const caught = () => {
      const settings = vault.settings();
      const problems = vault.verifyRecords().problems;
      return JSON.stringify(settings) === JSON.stringify(DEFAULT_SETTINGS) && problems.length === 1 && problems[0]?.subject === 'settings';
    };
    const misses: string[] = [];
    const edits: Array<[string, () => void]> = [
      ...rows.map((row): [string, () => void] => [
        `edit ${row.key}`,
        () =>
          raw
            .prepare('UPDATE settings SET value = ? WHERE key = ?')
            .run(row.value === 'true' ? 'false' : row.value === 'false' ? 'true' : String(Number(row.value) + 1), row.key),
      ]),
      ['plant a row', () => raw.prepare("INSERT INTO settings (key, value) VALUES ('futureSetting', '1')").run()],
      ['remove a row', () => raw.prepare("DELETE FROM settings WHERE key = 'autoLockMinutes'").run()],
      ['remove the MAC', () => raw.prepare("DELETE FROM meta WHERE key = 'settings_mac'").run()],
      ['erase every setting', () => raw.prepare('DELETE FROM settings').run()],
    ];
    for (const [what, edit] of edits) {
      edit();
      const detected = caught();
      record(detected, 'settings');
      if (!detected) misses.push(what);
      putBack();
    }
    // replay: an older set with its older, valid MAC after a newer save
    vault.updateSettings({ autoLockMinutes: 6 });
    putBack();
    const replayDetected = caught();
    record(replayDetected, 'settings');
    if (!replayDetected) misses.push('older set replayed');
    vault.updateSettings({ ...SAVED_SETTINGS });
    expect(misses).toEqual([]);
    expect(vault.settings()).toEqual(SAVED_SETTINGS);
  });

  describe('the audit log', () => {
    type Row = { seq: number; at: string; action: string; secret_id: string | null; detail_json: string; prev_mac: Buffer; mac: Buffer };
    const all = () => raw.prepare('SELECT * FROM audit_events ORDER BY seq').all() as Row[];
    const restore = (rows: Row[]) => {
      raw.prepare('DELETE FROM audit_events').run();
      const insert = raw.prepare(
        'INSERT INTO audit_events (seq, at, action, secret_id, detail_json, prev_mac, mac) VALUES (@seq, @at, @action, @secret_id, @detail_json, @prev_mac, @mac)',
      );
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
          record(detected, 'log');
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
        record(detected, 'log');
        if (!detected) misses.push(`entry ${row.seq}`);
        restore(original);
      }
      expect(misses).toEqual([]);
    });

    it('the whole log erased, or its first entry removed, fails verify at entry 1', () => {
      const original = all();
      const head = (raw.prepare("SELECT value FROM meta WHERE key = 'audit_head'").get() as { value: string }).value;
      const misses: string[] = [];
      const cuts: Array<[string, () => void]> = [
        [
          'every entry and the head',
          () => {
            raw.prepare('DELETE FROM audit_events').run();
            raw.prepare("DELETE FROM meta WHERE key = 'audit_head'").run();
          },
        ],
        ['every entry', () => raw.prepare('DELETE FROM audit_events').run()],
        ['entry 1', () => raw.prepare('DELETE FROM audit_events WHERE seq = 1').run()],
      ];
      for (const [what, cut] of cuts) {
        cut();
        const verdict = vault.verifyAudit();
        const detected = !verdict.ok && verdict.firstBrokenSeq === 1;
        record(detected, 'log');
        if (!detected) misses.push(what);
        restore(original);
        raw.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', ?)").run(head);
      }
      expect(misses).toEqual([]);
      expect(vault.verifyAudit().ok).toBe(true);
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
        record(detected, 'log');
        if (!detected) misses.push(`entries ${a.seq} and ${b.seq}`);
        restore(original);
      }
      expect(misses).toEqual([]);
      expect(vault.verifyAudit().ok).toBe(true);
    });
  });
});

describe('tampering with the schema', () => {
  let temp: TempVault;
  let scratch: { path: string; remove: () => void };
  beforeAll(async () => {
    temp = await createTempVault(new MemoryKeyStore());
    temp.vault.add({ name: 'gh' }, sampleKeys.github());
    temp.vault.close();
    scratch = tempDir();
  });
  afterAll(() => {
    temp.dispose();
    scratch.remove();
  });

  it('a planted trigger, view, table or index, or a guard removed or altered: the vault does not open', () => {
    const plants: Array<[string, string]> = [
      [
        'leak',
        'CREATE TABLE loot (v BLOB); CREATE TRIGGER leak AFTER INSERT ON secret_versions BEGIN INSERT INTO loot VALUES (new.ciphertext); END;',
      ],
      [
        'no_lock',
        "CREATE TRIGGER no_lock AFTER INSERT ON settings BEGIN UPDATE settings SET value = '0' WHERE key = 'autoLockMinutes'; END;",
      ],
      ['unexpose', 'CREATE TRIGGER unexpose AFTER UPDATE ON secrets BEGIN UPDATE secrets SET exposed_at = NULL WHERE id = new.id; END;'],
      ['everything', 'CREATE VIEW everything AS SELECT * FROM secrets'],
      ['extra', 'CREATE TABLE extra (x)'],
      ['by_env', 'CREATE INDEX by_env ON secrets(env_var)'],
      ['audit_events_no_delete', 'DROP TRIGGER audit_events_no_delete'],
      [
        'audit_events_no_update',
        "DROP TRIGGER audit_events_no_update; CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events WHEN 0 BEGIN SELECT RAISE(ABORT, 'x'); END;",
      ],
      ['secret_versions_one_current', 'DROP INDEX secret_versions_one_current'],
    ];
    const misses: string[] = [];
    for (const [name, sql] of plants) {
      const copy = join(scratch.path, `${name}.db`);
      copyFileSync(join(temp.home, 'vault.db'), copy);
      const db = new Database(copy);
      db.exec(sql);
      db.close();
      let detected = false;
      try {
        openDatabase(copy, { create: false }).close();
      } catch (error) {
        detected = error instanceof RekeyError && error.code === 'integrity' && error.message.includes(`"${name}"`);
      }
      record(detected, 'schema');
      if (!detected) misses.push(name);
    }
    expect(misses).toEqual([]);
  });
});
