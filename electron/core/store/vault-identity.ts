import type { Database } from 'better-sqlite3';
import { RekeyError } from '../errors.js';

/**
 * Who a vault file is: its id (which names its keychain item and salts its subkeys), the key
 * check (so a wrong vault key is reported as such) and when it was created. Written once by
 * init, read by every unlock.
 */
export interface VaultIdentity {
  readonly vaultId: string;
  readonly keyCheck: string;
  readonly createdAt: string;
}

const META = { vaultId: 'vault_id', keyCheck: 'key_check', createdAt: 'created_at' } as const;

export function writeVaultIdentity(db: Database, identity: VaultIdentity): void {
  const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  put.run(META.vaultId, identity.vaultId);
  put.run(META.keyCheck, identity.keyCheck);
  put.run(META.createdAt, identity.createdAt);
}

/** The vault id alone (no key needed), or undefined for a file without one. */
export function readVaultId(db: Database): string | undefined {
  return metaValue(db, META.vaultId);
}

/** Refuses a file whose identity record is missing: nothing could be unlocked or checked. */
export function readVaultIdentity(db: Database, path: string): VaultIdentity {
  const vaultId = metaValue(db, META.vaultId);
  const keyCheck = metaValue(db, META.keyCheck);
  if (vaultId === undefined || keyCheck === undefined) {
    throw new RekeyError('integrity', `The vault at ${path} is incomplete (its identity record is missing).`);
  }
  return { vaultId, keyCheck, createdAt: metaValue(db, META.createdAt) ?? '' };
}

function metaValue(db: Database, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}
