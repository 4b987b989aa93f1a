import Database from 'better-sqlite3';

/**
 * An attacker who can write the vault file but has no key: they edit it with any SQLite tool,
 * and a careful one puts Rekey's guard triggers back afterwards, so the schema Rekey checks on
 * open is exactly what it expects and only the data differs.
 */
export function tamperWith<T>(dbPath: string, edit: (db: Database.Database) => T): T {
  const db = new Database(dbPath);
  try {
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string; sql: string }>;
    for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
    try {
      return edit(db);
    } finally {
      for (const { sql } of triggers) db.exec(sql);
    }
  } finally {
    db.close();
  }
}

/** The secrets row and every version row of one secret, as stored (for putting an old copy back). */
export interface StoredSecret {
  readonly secret: Record<string, unknown>;
  readonly versions: Array<Record<string, unknown>>;
}

export function copyOfSecret(dbPath: string, name: string): StoredSecret {
  const db = new Database(dbPath, { readonly: true });
  try {
    const secret = db.prepare('SELECT * FROM secrets WHERE name = ?').get(name) as Record<string, unknown> | undefined;
    if (!secret) throw new Error(`no secret "${name}" in ${dbPath}`);
    const versions = db.prepare('SELECT * FROM secret_versions WHERE secret_id = ? ORDER BY version').all(secret['id']) as Array<
      Record<string, unknown>
    >;
    return { secret, versions };
  } finally {
    db.close();
  }
}

/** Puts an older copy of a secret's rows back, as a replay of an earlier file would. */
export function replaySecret(dbPath: string, copy: StoredSecret): void {
  tamperWith(dbPath, (db) => {
    db.pragma('foreign_keys = OFF');
    const id = copy.secret['id'];
    db.prepare('DELETE FROM secret_versions WHERE secret_id = ?').run(id);
    db.prepare('DELETE FROM secrets WHERE id = ?').run(id);
    const insert = (table: string, row: Record<string, unknown>) => {
      const columns = Object.keys(row);
      db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`).run(row);
    };
    insert('secrets', copy.secret);
    for (const version of copy.versions) insert('secret_versions', version);
  });
}
