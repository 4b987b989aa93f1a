import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { type Clock, systemClock } from '../clock.js';
import { RekeyError } from '../errors.js';
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
 * `keep` receives the checked (and, for an older schema, migrated) file before it is removed.
 */
async function inspectImage(
  image: Buffer,
  manifest: BackupManifest,
  keep?: (checkedPath: string) => Promise<void>,
): Promise<ImageVerdict> {
  const folder = mkdtempSync(join(tmpdir(), 'rekey-backup-'));
  try {
    const home = join(folder, 'vault');
    mkdirSync(home, { mode: 0o700 });
    writeFileSync(join(home, VAULT_DB_FILE), image, { mode: 0o600 });
    const keys = new MemoryKeyStore();
    await keys.set(vaultKeyAccount(manifest.vaultId), manifest.vaultKey);
    let vault: Vault;
    try {
      vault = await Vault.open({ home, keyStore: keys });
    } catch (error) {
      const why = error instanceof RekeyError && error.code === 'wrong-vault-key' ? 'its vault key does not fit its vault.' : 'the vault inside cannot be opened.';
      throw new RekeyError('backup-invalid', `This is not a usable Rekey backup: ${why} Nothing was changed.`);
    }
    let verdict: ImageVerdict;
    try {
      const integrity = vault.integrityCheck();
      if (integrity !== 'ok') {
        throw new RekeyError('backup-invalid', 'This is not a usable Rekey backup: the vault inside fails SQLite\'s integrity check. Nothing was changed.');
      }
      const audit = vault.verifyAudit();
      const values = vault.verifyValues();
      verdict = {
        ...vault.contents(),
        auditProblem: audit.ok ? null : `entry ${audit.firstBrokenSeq}: ${audit.reason}`,
        brokenValues: values.broken.length,
      };
    } finally {
      vault.close();
    }
    if (keep) await keep(join(home, VAULT_DB_FILE));
    return verdict;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The whole vault, sealed under a passphrase: the vault key (read once more from the keychain)
 * and the SQLite image with every secret, every kept version, the metadata and the audit log.
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
  const account = vaultKeyAccount(vault.vaultId);
  // the keychain must still hold the key (bare, or wrapped under a master password)...
  if ((await keyStore.get(account)) === null) {
    throw new RekeyError('keychain-key-missing', `The vault key is not readable in the ${keyStore.description} (account ${account}); no backup was written.`);
  }
  // ...but the backup carries the open vault's bare key: with a master password the keychain
  // item is wrapped, and a backup must restore under its passphrase alone
  const stored = vault.encodedVaultKey();
  const now = (options.clock ?? systemClock).now();
  const image = vault.backupImage({ vaultId: vault.vaultId });
  const manifestBase = { vaultId: vault.vaultId, vaultKey: stored, createdAt: now.toISOString() };
  const verdict = await inspectImage(image, { ...manifestBase, secrets: 0, versions: 0, auditEntries: 0 });
  const manifest: BackupManifest = { ...manifestBase, secrets: verdict.secrets, versions: verdict.versions, auditEntries: verdict.auditEntries };
  const bytes = await sealBackup({ manifest, image }, passphrase, options.kdfCost);
  image.fill(0);
  return { bytes, verdict };
}

export interface RestoreOptions {
  readonly home: string;
  readonly keyStore: KeyStore;
  /** Replace an existing vault; it is kept beside the new one as vault.db.before-restore-<time>. */
  readonly replace?: boolean | undefined;
  readonly clock?: Clock | undefined;
}

export interface RestoreResult {
  readonly path: string;
  readonly verdict: ImageVerdict;
  readonly backupCreatedAt: string;
  /** Where the vault that was replaced now lives, if there was one. */
  readonly previousVaultKeptAt: string | null;
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
  const now = (options.clock ?? systemClock).now();
  let previousVaultKeptAt: string | null = null;
  const verdict = await inspectImage(image, manifest, async (checkedPath) => {
    // the key first, as at init: a vault file without its key would be useless
    await options.keyStore.set(vaultKeyAccount(manifest.vaultId), manifest.vaultKey);
    mkdirSync(options.home, { recursive: true, mode: 0o700 });
    const source = new Sqlite(checkedPath, { readonly: true, fileMustExist: true });
    try {
      if (exists) {
        previousVaultKeptAt = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
        const current = new Sqlite(target, { fileMustExist: true });
        try {
          await current.backup(previousVaultKeptAt);
        } finally {
          current.close();
        }
        chmodSync(previousVaultKeptAt, 0o600);
        // SQLite's online backup replaces the live file page by page in one transaction
        await source.backup(target);
      } else {
        const staging = join(options.home, `.${VAULT_DB_FILE}.restoring`);
        rmSync(staging, { force: true });
        await source.backup(staging);
        chmodSync(staging, 0o600);
        renameSync(staging, target);
      }
    } finally {
      source.close();
    }
  });
  image.fill(0);
  const restored = await Vault.open({ home: options.home, keyStore: options.keyStore, clock: options.clock });
  try {
    restored.recordRestore({ backupCreatedAt: manifest.createdAt });
  } finally {
    restored.close();
  }
  return { path: target, verdict, backupCreatedAt: manifest.createdAt, previousVaultKeptAt };
}
