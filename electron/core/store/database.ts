import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { RekeyError } from '../errors.js';
import { SCHEMA_VERSION, migrate } from './migrations.js';

export type { Database };

/** Long enough to ride out the other process's write (app and CLI share one vault). */
const BUSY_TIMEOUT_MS = 10_000;

export function openDatabase(path: string, options: { create: boolean }): Database {
  let db: Database;
  try {
    db = new Sqlite(path, { fileMustExist: !options.create });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RekeyError('integrity', `Cannot open the vault database at ${path}: ${reason}`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // freed pages are zeroed, so a deleted secret's ciphertext does not linger in the file
    db.pragma('secure_delete = ON');
    // a 10,000-key vault is a few MB: keep it all in the page cache (the default is 2 MB)
    db.pragma('cache_size = -32000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof RekeyError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new RekeyError('integrity', `The vault database at ${path} cannot be used: ${reason}`);
  }
}

export { SCHEMA_VERSION };
