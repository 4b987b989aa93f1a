import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { type Clock, systemClock } from '../clock.js';
import { isWrappedVaultKey } from '../crypto/key-wrap.js';
import { RekeyError } from '../errors.js';
import { INSPECTION_PREFIX, TEMP_PREFIX, createPrivateFile, removeStaleTemps } from '../files/temp-files.js';
import { type KeyStore, MemoryKeyStore, vaultKeyAccount } from '../keychain/index.js';
import { Vault } from '../vault/vault.js';
import { VAULT_DB_FILE, vaultDatabasePath } from '../vault/vault-paths.js';
import { type BackupManifest, checkPassphrase, openBackup, sealBackup } from './backup-file.js';

export interface KdfCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export interface BackupSummary {
  readonly secrets: number;
  readonly versions: number;
  readonly auditEntries: number;
}

/** What `audit verify` would say about the vault inside a backup. */
export interface ImageVerdict extends BackupSummary {
  readonly auditProblem: string | null;
  readonly brokenValues: number;
}

/**
 * Opens an image as a vault of its own in a private temp folder, with the vault key in memory
 * only: proves the key belongs to it and reads the same verdict as `rekey audit verify`.
 * For a restore, `keep.record` writes into the checked copy and `keep.use` then receives that
 * file (migrated, for an older schema) before the temp folder is removed.
 */
async function inspectImage(
  image: Buffer,
  manifest: BackupManifest,
  keep?: { readonly record: (vault: Vault) => void; readonly use: (checkedPath: string) => Promise<void> },
): Promise<ImageVerdict> {
  // a check cut short by a crash left its folder (an image of a vault) behind: tidy up first
  await removeStaleTemps(tmpdir(), INSPECTION_PREFIX);
  // mkdtemp creates the folder 0700; the file inside is made 0600 explicitly, and SQLite gives
  // its -wal/-shm/-journal the database file's mode
  const folder = await mkdtemp(join(tmpdir(), INSPECTION_PREFIX));
  try {
    const home = join(folder, 'vault');
    mkdirSync(home, { mode: 0o700 });
    const file = await createPrivateFile(join(home, VAULT_DB_FILE));
    try {
      await file.writeFile(image);
    } finally {
      await file.close();
    }
    const keys = new MemoryKeyStore();
    await keys.set(vaultKeyAccount(manifest.vaultId), manifest.vaultKey);
    let vault: Vault;
    try {
      vault = await Vault.open({ home, keyStore: keys });
    } catch (error) {
      const why =
        error instanceof RekeyError && error.code === 'wrong-vault-key'
          ? 'its vault key does not fit its vault.'
          : 'the vault inside cannot be opened.';
      throw new RekeyError('backup-invalid', `This is not a usable Rekey backup: ${why} Nothing was changed.`);
    }
    let verdict: ImageVerdict;
    try {
      const integrity = vault.integrityCheck();
      if (integrity !== 'ok') {
        throw new RekeyError(
          'backup-invalid',
          "This is not a usable Rekey backup: the vault inside fails SQLite's integrity check. Nothing was changed.",
        );
      }
      const audit = vault.verifyAudit();
      const values = vault.verifyValues();
      verdict = {
        ...vault.contents(),
        auditProblem: audit.ok ? null : `entry ${audit.firstBrokenSeq}: ${audit.reason}`,
        brokenValues: values.broken.length,
      };
      keep?.record(vault);
    } finally {
      vault.close();
    }
    if (keep) await keep.use(join(home, VAULT_DB_FILE));
    return verdict;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The whole vault, sealed under a passphrase: the vault key of the open vault and the SQLite
 * image with every secret, every kept version, the metadata and the audit log. With a master
 * password, the wrapped keychain item travels too, so the restored vault keeps its password.
 * The image is opened and verified before the file is sealed, so a backup that would not
 * restore is never handed out.
 */
export async function createBackup(
  vault: Vault,
  keyStore: KeyStore,
  passphrase: string,
  options: { kdfCost?: KdfCost | undefined; clock?: Clock | undefined } = {},
): Promise<{ bytes: Buffer; verdict: ImageVerdict }> {
  checkPassphrase(passphrase);
  const item = await keyStore.get(vaultKeyAccount(vault.vaultId));
  const now = (options.clock ?? systemClock).now();
  const { image, vaultKey } = vault.backupImage({ vaultId: vault.vaultId });
  const manifestBase = {
    vaultId: vault.vaultId,
    vaultKey,
    createdAt: now.toISOString(),
    ...(item !== null && isWrappedVaultKey(item) ? { keychainItem: item } : {}),
  };
  const verdict = await inspectImage(image, { ...manifestBase, secrets: 0, versions: 0, auditEntries: 0 });
  const manifest: BackupManifest = {
    ...manifestBase,
    secrets: verdict.secrets,
    versions: verdict.versions,
    auditEntries: verdict.auditEntries,
  };
  const bytes = await sealBackup({ manifest, image }, passphrase, options.kdfCost);
  image.fill(0);
  return { bytes, verdict };
}

export interface RestoreOptions {
  readonly home: string;
  readonly keyStore: KeyStore;
  /** Replace an existing vault; it is kept beside the new one as vault.db.before-restore-<time>. */
  readonly replace?: boolean | undefined;
  /**
   * Overwrite the keychain item of the backed-up vault even though it holds something else
   * and the vault folder restored into is not that vault's: the user says that vault is gone
   * (or may stop opening). See checkKeychainItem.
   */
  readonly replaceKeychainItem?: boolean | undefined;
  readonly clock?: Clock | undefined;
}

export interface RestoreResult {
  readonly path: string;
  readonly verdict: ImageVerdict;
  readonly backupCreatedAt: string;
  /** Where the vault that was replaced now lives, if there was one. */
  readonly previousVaultKeptAt: string | null;
  /** The restored vault has the master password it had when the backup was made. */
  readonly masterPassword: boolean;
}

/**
 * Everything that can refuse (passphrase, damage, a vault already there) is decided before
 * the first write, so a refused restore leaves the current vault and the keychain as they were.
 */
export async function restoreBackup(file: Buffer, passphrase: string, options: RestoreOptions): Promise<RestoreResult> {
  const target = vaultDatabasePath(options.home);
  const exists = existsSync(target);
  if (exists && !options.replace) {
    throw new RekeyError(
      'already-initialised',
      `A vault already exists at ${target}; nothing was changed. Restore into an empty vault folder, ` +
        'or choose to replace this vault (it is then kept beside the restored one as a copy).',
    );
  }
  const { manifest, image } = await openBackup(file, passphrase);
  const account = vaultKeyAccount(manifest.vaultId);
  const item = manifest.keychainItem ?? manifest.vaultKey;
  const writeItem = await checkKeychainItem(options, account, item, () => exists && vaultIdAt(target) === manifest.vaultId);
  const now = (options.clock ?? systemClock).now();
  let previousVaultKeptAt: string | null = null;
  const verdict = await inspectImage(image, manifest, {
    // in the checked copy, so the restored file holds its own restore entry from the start
    record: (vault) => vault.recordRestore({ backupCreatedAt: manifest.createdAt }),
    use: async (checkedPath) => {
      // the key first, as at init: a vault file without its key would be useless
      if (writeItem) await options.keyStore.set(account, item);
      previousVaultKeptAt = await placeVault(checkedPath, options.home, exists ? `${target}.before-restore-${stamp(now)}` : null);
    },
  });
  image.fill(0);
  return {
    path: target,
    verdict,
    backupCreatedAt: manifest.createdAt,
    previousVaultKeptAt,
    masterPassword: manifest.keychainItem !== undefined,
  };
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** The id of the vault in a file, or null when it cannot be read (then it is not "the same vault"). */
function vaultIdAt(path: string): string | null {
  try {
    // not readonly: a read-only connection to a WAL database leaves -wal/-shm files behind,
    // and a refused restore must leave the folder exactly as it was; nothing is written
    const db = new Sqlite(path, { fileMustExist: true });
    try {
      // the meta row vault.ts writes at init (META.vaultId)
      return (db.prepare("SELECT value FROM meta WHERE key = 'vault_id'").get() as { value: string } | undefined)?.value ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * The keychain item is per vault id, so a vault restored into another folder shares its item
 * with the vault it was backed up from, which may still be in use elsewhere. Writing the
 * backup's item over a different one would lock that vault out (or silently change its master
 * password). Allowed: no item (a new machine, a lost keychain), the very same item (nothing is
 * overwritten), restoring over the same vault (its own backup, with --replace), or an explicit
 * replaceKeychainItem. Returns whether the item must be written.
 */
async function checkKeychainItem(options: RestoreOptions, account: string, item: string, overSameVault: () => boolean): Promise<boolean> {
  const current = await options.keyStore.get(account);
  if (current === null) return true;
  if (current === item) return false;
  if (options.replaceKeychainItem || overSameVault()) return true;
  throw new RekeyError(
    'keychain-item-in-use',
    `The ${options.keyStore.description} already holds a different key item for the vault this backup was made from ` +
      `(${account}): that vault probably still exists in another folder, or has changed its master password since. ` +
      'Nothing was changed. To restore over that vault, restore into its own folder and replace it; ' +
      'to keep both, restore with another keychain service (REKEY_KEYCHAIN_SERVICE); ' +
      'if that vault is gone for good, replace its keychain item explicitly (rekey restore --replace-keychain-item).',
  );
}

/**
 * Copies the checked vault into the vault folder with SQLite's online backup. Over an existing
 * vault, that vault is first copied to `keepAt` and then replaced page by page in one
 * transaction; into an empty folder, the copy is staged and renamed into place.
 */
async function placeVault(checkedPath: string, home: string, keepAt: string | null): Promise<string | null> {
  const target = vaultDatabasePath(home);
  mkdirSync(home, { recursive: true, mode: 0o700 });
  await removeStaleTemps(home);
  const source = new Sqlite(checkedPath, { readonly: true, fileMustExist: true });
  try {
    if (keepAt !== null) {
      await (await createPrivateFile(keepAt)).close();
      const current = new Sqlite(target, { fileMustExist: true });
      try {
        await current.backup(keepAt);
      } finally {
        current.close();
      }
      chmodSync(keepAt, 0o600);
      await source.backup(target);
      return keepAt;
    }
    // created 0600 before SQLite writes into it (an empty file is an empty database), named so
    // that a restore cut short is tidied up by the next one (removeStaleTemps above)
    const staging = join(home, `${TEMP_PREFIX}restoring-${VAULT_DB_FILE}`);
    rmSync(staging, { force: true });
    await (await createPrivateFile(staging)).close();
    await source.backup(staging);
    chmodSync(staging, 0o600);
    renameSync(staging, target);
    return null;
  } finally {
    source.close();
  }
}
