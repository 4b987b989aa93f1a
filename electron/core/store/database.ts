import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { RekeyError } from '../errors.js';
import { SCHEMA_VERSION, migrate } from './migrations.js';
import { checkSchema } from './schema-check.js';

export type { Database };

/** Long enough to ride out the other process's write (app and CLI share one vault). */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * The schema is checked before anything is written (a planted trigger would run on our first
 * write), and again after the migrations. trusted_schema=OFF keeps functions with side effects
 * out of any view or trigger SQLite reads, belt and braces for the check.
 */
export function openDatabase(path: string, options: { create: boolean }): Database {
  let db: Database;
  try {
    if (options.create) createPrivately(path);
    tightenModes(path);
    db = new Sqlite(path, { fileMustExist: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RekeyError('integrity', `Cannot open the vault database at ${path}: ${reason}`);
  }
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    checkSchema(db, path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // freed pages are zeroed, so a deleted secret's ciphertext does not linger in the file
    db.pragma('secure_delete = ON');
    // a 10,000-key vault is a few MB: keep it all in the page cache (the default is 2 MB)
    db.pragma('cache_size = -32000');
    migrate(db);
    checkSchema(db, path);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof RekeyError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new RekeyError('integrity', `The vault database at ${path} cannot be used: ${reason}`);
  }
}

/**
 * SQLite gives its -wal and -shm files the database file's own mode, so the database is
 * created 0600 here, whatever the umask, before SQLite first opens it.
 */
function createPrivately(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
}

/** A vault made by an older Rekey (or copied in) may be readable by others: not any more. */
function tightenModes(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue;
    try {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    } catch {
      // not ours to change (another user's file opened read-only): SQLite decides what happens
    }
  }
}

export { SCHEMA_VERSION };
