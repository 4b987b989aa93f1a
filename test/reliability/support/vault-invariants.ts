import Database from 'better-sqlite3';
import type { SecretSummary, Vault } from '../../../electron/core/index.js';

/**
 * What must hold in a vault file after any crash, read straight from SQLite: the structure
 * is sound and nothing is half-written (a version without its secret, a secret without its
 * current version, a change without its audit entry, or the reverse). Returns the problems.
 */
export function halfWrittenState(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join('; ');
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const orphans = db.pragma('foreign_key_check') as unknown[];
    if (orphans.length > 0) problems.push(`${orphans.length} rows point at a missing secret`);
    const secrets = db.prepare('SELECT id, name, current_version, masked FROM secrets').all() as Array<{
      id: string;
      name: string;
      current_version: number;
      masked: string;
    }>;
    const current = db.prepare('SELECT version, masked FROM secret_versions WHERE secret_id = ? AND retired_at IS NULL');
    const events = db.prepare('SELECT action, secret_id FROM audit_events').all() as Array<{ action: string; secret_id: string | null }>;
    const count = (action: string, id: string) => events.filter((event) => event.action === action && event.secret_id === id).length;
    for (const secret of secrets) {
      const rows = current.all(secret.id) as Array<{ version: number; masked: string }>;
      if (rows.length !== 1) problems.push(`${secret.name}: ${rows.length} current versions`);
      else if (rows[0]?.version !== secret.current_version || rows[0].masked !== secret.masked) {
        problems.push(`${secret.name}: the secret row and its current version disagree`);
      }
      if (count('secret.add', secret.id) !== 1)
        problems.push(`${secret.name}: ${count('secret.add', secret.id)} add entries in the audit log`);
      const rotations = count('secret.rotate', secret.id) - count('secret.undo-rotate', secret.id);
      if (rotations !== secret.current_version - 1) {
        problems.push(`${secret.name}: version ${secret.current_version} but ${rotations} rotations in the audit log`);
      }
    }
    const live = new Set(secrets.map((secret) => secret.id));
    const added = new Set(events.filter((event) => event.action === 'secret.add').map((event) => event.secret_id));
    const deleted = new Set(events.filter((event) => event.action === 'secret.delete').map((event) => event.secret_id));
    for (const id of added) {
      if (id === null) continue;
      if (deleted.has(id) === live.has(id)) problems.push(`secret ${id}: the audit log and the table disagree on whether it exists`);
    }
    for (const id of live) if (!added.has(id)) problems.push(`secret ${id} exists without an add entry`);
    return problems;
  } finally {
    db.close();
  }
}

/** Every secret with its current value, decrypted without adding audit entries (as reveal would). */
export function secretsWithValues(vault: Vault): Array<{ secret: SecretSummary; value: string }> {
  const secrets = vault.list();
  let values: string[] = [];
  vault.checkValues(secrets, (decrypted) => {
    values = decrypted;
    return null;
  });
  return secrets.map((secret, index) => ({ secret, value: values[index] as string }));
}
