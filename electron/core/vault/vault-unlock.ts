import { type Clock, systemClock } from '../clock.js';
import {
  DEFAULT_SCRYPT_COST,
  type VaultKeys,
  decodeVaultKey,
  deriveVaultKeys,
  isWrappedVaultKey,
  keyCheckMatches,
  newKdfParams,
  unwrapVaultKey,
  wipeVaultKeys,
  wrapVaultKey,
  wrappedKdfParams,
} from '../crypto/index.js';
import { RekeyError } from '../errors.js';
import { type KeyStore, vaultKeyAccount } from '../keychain/index.js';
import type { Database } from '../store/database.js';
import type { VaultIdentity } from '../store/vault-identity.js';
import { UnlockThrottle, seconds } from './unlock-throttle.js';

export type KdfCost = { readonly N: number; readonly r: number; readonly p: number };

export interface UnlockOptions {
  readonly keyStore: KeyStore;
  readonly clock?: Clock | undefined;
  /** Asked only for a wrapped key, and only once the throttle allows an attempt. */
  readonly askPassword?: (() => Promise<string>) | undefined;
  /** The cost new wraps use (DEFAULT_SCRYPT_COST unless a test passes a cheap one). */
  readonly kdfCost?: KdfCost | undefined;
}

/** The vault key, checked against the vault; the caller wipes both with wipeUnlocked. */
export interface UnlockedKey {
  readonly vaultKey: Buffer;
  readonly keys: VaultKeys;
  /** Whether the keychain item was wrapped under a master password. */
  readonly hadPassword: boolean;
}

export function wipeUnlocked(unlocked: UnlockedKey): void {
  unlocked.vaultKey.fill(0);
  wipeVaultKeys(unlocked.keys);
}

/**
 * The one way to get a vault's key: one keychain read; a bare key is decoded, a wrapped one
 * needs the master password (throttled, see UnlockThrottle); the result must match the vault's
 * key check. A wrap weaker than today's cost is raised while the key is at hand.
 */
export async function unlockVaultKey(db: Database, path: string, identity: VaultIdentity, options: UnlockOptions): Promise<UnlockedKey> {
  const account = vaultKeyAccount(identity.vaultId);
  const stored = await options.keyStore.get(account);
  if (stored === null) {
    throw new RekeyError(
      'keychain-key-missing',
      `The vault key for ${path} is not in the ${options.keyStore.description} (account ${account}). ` +
        'Without it the stored values cannot be decrypted; restore the keychain item, or move the vault aside and run `rekey init`.',
    );
  }
  const hadPassword = isWrappedVaultKey(stored);
  const vaultKey = hadPassword ? await unwrapWithPassword(db, stored, identity.vaultId, options) : decodeVaultKey(stored);
  const keys = vaultKey && deriveVaultKeys(vaultKey, identity.vaultId);
  if (!vaultKey || !keys || !keyCheckMatches(keys, identity.keyCheck)) {
    vaultKey?.fill(0);
    if (keys) wipeVaultKeys(keys);
    throw new RekeyError(
      'wrong-vault-key',
      `The vault key in the ${options.keyStore.description} does not belong to the vault at ${path}.`,
    );
  }
  return { vaultKey, keys, hadPassword };
}

/**
 * The throttle is checked before the password is asked for; the attempt is then claimed (counted
 * as a failure) before the KDF runs, and forgiven only when the password proves right. null: the
 * item is damaged (not a wrong password, so not counted).
 */
async function unwrapWithPassword(db: Database, stored: string, vaultId: string, options: UnlockOptions): Promise<Buffer | null> {
  if (!options.askPassword)
    throw new RekeyError('password-required', 'This vault is locked with a master password; it is needed to open it.');
  const params = wrappedKdfParams(stored);
  if (params === null) return null;
  const throttle = new UnlockThrottle(db, options.clock ?? systemClock);
  throttle.check();
  const password = await options.askPassword();
  const wait = throttle.claimAttempt();
  const unwrapped = await unwrapVaultKey(stored, password, vaultId);
  if (!unwrapped.ok) {
    if (unwrapped.reason === 'damaged') return null;
    throw new RekeyError('wrong-password', wait > 0 ? `Wrong master password. Try again in ${seconds(wait)}.` : 'Wrong master password.');
  }
  throttle.reset();
  const cost = options.kdfCost ?? DEFAULT_SCRYPT_COST;
  if (params.N < cost.N || params.r < cost.r || params.p < cost.p) {
    await options.keyStore.set(vaultKeyAccount(vaultId), await wrapVaultKey(unwrapped.vaultKey, password, vaultId, newKdfParams(cost)));
  }
  return unwrapped.vaultKey;
}
