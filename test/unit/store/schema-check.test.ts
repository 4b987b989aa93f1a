import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RekeyError } from '../../../electron/core/index.js';
import { openDatabase } from '../../../electron/core/store/database.js';
import { tempDir } from '../../support/temp-vault.js';

/**
 * Issue 13 item 1: the schema is checked on open. Whatever was added, altered or removed in
 * sqlite_master is refused with a message naming it, before Rekey writes anything.
 */
describe('the vault schema is checked on open', () => {
  let dir: { path: string; remove: () => void };
  let path: string;

  beforeEach(() => {
    dir = tempDir();
    path = join(dir.path, 'vault.db');
    openDatabase(path, { create: true }).close();
  });
  afterEach(() => dir.remove());

  const edit = (sql: string) => {
    const db = new Database(path);
    db.exec(sql);
    db.close();
  };
  /** Debian's sqlite3 command line tool (apt package sqlite3, which .ci/run installs). */
  const sqlite3 = (sql: string) => {
    if (!existsSync('/usr/bin/sqlite3')) throw new Error('sqlite3 is not installed (apt-get install sqlite3; .ci/run installs it)');
    execFileSync('/usr/bin/sqlite3', ['-cmd', '.dbconfig defensive off', path, sql]);
  };
  const refusal = () => {
    try {
      openDatabase(path, { create: false }).close();
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(RekeyError);
      expect((error as RekeyError).code).toBe('integrity');
      return (error as RekeyError).message;
    }
  };

  it('opens what the migrations made, again and again', () => {
    expect(refusal()).toBeNull();
    expect(refusal()).toBeNull();
  });

  it('refuses a planted trigger, naming it, and the trigger never fires', () => {
    edit(`CREATE TABLE stolen (name TEXT);
          CREATE TRIGGER leak AFTER UPDATE ON secrets BEGIN INSERT INTO stolen VALUES (new.name); END;`);
    expect(refusal()).toMatch(/trigger "leak" that Rekey did not create/);
    expect(refusal()).toMatch(/table "stolen" that Rekey did not create/);
  });

  it('refuses a trigger planted on the settings (to turn auto-lock off after every save)', () => {
    edit(`CREATE TRIGGER no_lock AFTER INSERT ON settings BEGIN UPDATE settings SET value = '0' WHERE key = 'autoLockMinutes'; END;`);
    expect(refusal()).toMatch(/trigger "no_lock"/);
  });

  it('refuses a view, an index and a table Rekey did not create', () => {
    edit('CREATE VIEW everything AS SELECT * FROM secrets');
    expect(refusal()).toMatch(/view "everything"/);
    edit('DROP VIEW everything; CREATE INDEX by_env ON secrets(env_var)');
    expect(refusal()).toMatch(/index "by_env"/);
    edit('DROP INDEX by_env; CREATE TABLE extra (x)');
    expect(refusal()).toMatch(/table "extra"/);
  });

  it('refuses a guard trigger that was removed, or replaced by a look-alike', () => {
    edit('DROP TRIGGER audit_events_no_delete');
    expect(refusal()).toMatch(/no trigger "audit_events_no_delete" \(it was removed\)/);
    edit(`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events WHEN 0 BEGIN SELECT RAISE(ABORT, 'x'); END;`);
    expect(refusal()).toMatch(/an altered trigger "audit_events_no_delete"/);
  });

  it('refuses a table whose definition was changed in place (a CHECK dropped with writable_schema)', () => {
    const db = new Database(path, { readonly: true });
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'secrets'").get() as { sql: string }).sql;
    db.close();
    const loose = sql.replace('CHECK (rotate_every_days BETWEEN 1 AND 3650)', '');
    expect(loose).not.toBe(sql);
    sqlite3(`PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = '${loose.replaceAll("'", "''")}' WHERE name = 'secrets';`);
    expect(refusal()).toMatch(/an altered table "secrets"/);
  });

  it('refuses before writing: an older vault with a planted trigger is not migrated', () => {
    edit(`CREATE TRIGGER spy AFTER INSERT ON meta BEGIN SELECT 1; END; PRAGMA user_version = 2;`);
    // the file still holds migration 3's columns, which an honest version 2 vault would not have
    expect(refusal()).toMatch(/trigger "spy"/);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it("is caught when the edit is made with Debian's sqlite3 tool", () => {
    sqlite3('CREATE TRIGGER t AFTER DELETE ON secrets BEGIN SELECT 1; END;');
    expect(refusal()).toMatch(/trigger "t"/);
  });
});
