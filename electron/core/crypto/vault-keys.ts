import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export const VAULT_KEY_BYTES = 32;

/**
 * Purpose-bound subkeys of the vault key (HKDF-SHA256, salt = vault id). One key per job,
 * so a MAC computed for the audit log can never be replayed as a fingerprint, and so on.
 */
export interface VaultKeys {
  readonly encryption: Buffer;
  readonly fingerprint: Buffer;
  readonly audit: Buffer;
  readonly check: Buffer;
  /** MACs over the rows that say what a key is (record-mac.ts): env var, project, current version… */
  readonly records: Buffer;
}

const INFO = {
  encryption: 'rekey/v1/secret-encryption',
  fingerprint: 'rekey/v1/value-fingerprint',
  audit: 'rekey/v1/audit-chain',
  check: 'rekey/v1/key-check',
  records: 'rekey/v1/record-mac',
} as const;

export function newVaultKey(): Buffer {
  return randomBytes(VAULT_KEY_BYTES);
}

export function deriveVaultKeys(vaultKey: Buffer, vaultId: string): VaultKeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', vaultKey, Buffer.from(vaultId, 'utf8'), info, 32));
  return {
    encryption: derive(INFO.encryption),
    fingerprint: derive(INFO.fingerprint),
    audit: derive(INFO.audit),
    check: derive(INFO.check),
    records: derive(INFO.records),
  };
}

export function wipeVaultKeys(keys: VaultKeys): void {
  for (const key of Object.values(keys) as Buffer[]) key.fill(0);
}

/** Stored in the vault so a wrong vault key is reported as such, not as N integrity errors. */
export function keyCheckValue(keys: VaultKeys): string {
  return createHmac('sha256', keys.check).update('rekey vault key check').digest('hex');
}

export function keyCheckMatches(keys: VaultKeys, stored: string): boolean {
  const expected = Buffer.from(keyCheckValue(keys), 'hex');
  const actual = Buffer.from(stored, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Lets the app recognise a known value (a duplicate, a leak the scanner finds) without storing it. */
export function fingerprintValue(keys: VaultKeys, value: string): Buffer {
  return createHmac('sha256', keys.fingerprint).update(value, 'utf8').digest();
}

export function encodeVaultKey(key: Buffer): string {
  return key.toString('base64');
}

/** Returns null for anything that is not exactly 32 bytes of base64: a damaged keychain item. */
export function decodeVaultKey(stored: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(stored)) return null;
  const key = Buffer.from(stored, 'base64');
  return key.length === VAULT_KEY_BYTES ? key : null;
}
