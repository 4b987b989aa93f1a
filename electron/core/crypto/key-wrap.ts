import { z } from 'zod';
import { type KdfParams, KdfParamsSchema, derivePasswordKey, newKdfParams } from './password-kdf.js';
import { open, seal } from './envelope.js';
import { VAULT_KEY_BYTES } from './vault-keys.js';

/**
 * With a master password, the keychain item holds the vault key wrapped (AES-256-GCM) under a
 * key derived from the password, next to the KDF parameters: unlocking then needs both the
 * keychain and the password, and the parameters can be raised by re-wrapping.
 * Without one, the item is the bare base64 key (encodeVaultKey), as before.
 */
const PREFIX = 'rekey-wrapped:v1:';
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const WrappedSchema = z.object({ kdf: KdfParamsSchema, nonce: base64, ciphertext: base64, tag: base64 }).strict();

export function isWrappedVaultKey(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

function associatedData(vaultId: string): Buffer {
  return Buffer.from(`rekey/v1|vault-key-wrap|${vaultId}`, 'utf8');
}

function parse(stored: string): z.infer<typeof WrappedSchema> | null {
  if (!isWrappedVaultKey(stored)) return null;
  try {
    const checked = WrappedSchema.safeParse(JSON.parse(Buffer.from(stored.slice(PREFIX.length), 'base64').toString('utf8')));
    return checked.success ? checked.data : null;
  } catch {
    return null;
  }
}

export async function wrapVaultKey(
  vaultKey: Buffer,
  password: string,
  vaultId: string,
  params: KdfParams = newKdfParams(),
): Promise<string> {
  const wrappingKey = await derivePasswordKey(password, params);
  try {
    const sealed = seal(wrappingKey, vaultKey, associatedData(vaultId));
    const item = {
      kdf: params,
      nonce: sealed.nonce.toString('base64'),
      ciphertext: sealed.ciphertext.toString('base64'),
      tag: sealed.tag.toString('base64'),
    };
    return PREFIX + Buffer.from(JSON.stringify(item), 'utf8').toString('base64');
  } finally {
    wrappingKey.fill(0);
  }
}

export type Unwrapped = { ok: true; vaultKey: Buffer } | { ok: false; reason: 'wrong-password' | 'damaged' };

/** A wrong password and a damaged item are told apart: only the first counts as a failed attempt. */
export async function unwrapVaultKey(stored: string, password: string, vaultId: string): Promise<Unwrapped> {
  const item = parse(stored);
  if (item === null) return { ok: false, reason: 'damaged' };
  const wrappingKey = await derivePasswordKey(password, item.kdf);
  try {
    const plain = open(
      wrappingKey,
      {
        nonce: Buffer.from(item.nonce, 'base64'),
        ciphertext: Buffer.from(item.ciphertext, 'base64'),
        tag: Buffer.from(item.tag, 'base64'),
      },
      associatedData(vaultId),
    );
    if (plain === null) return { ok: false, reason: 'wrong-password' };
    if (plain.length !== VAULT_KEY_BYTES) {
      plain.fill(0);
      return { ok: false, reason: 'damaged' };
    }
    return { ok: true, vaultKey: plain };
  } finally {
    wrappingKey.fill(0);
  }
}

/** The KDF parameters an item was wrapped with, or null for a bare key or a damaged item. */
export function wrappedKdfParams(stored: string): KdfParams | null {
  return parse(stored)?.kdf ?? null;
}
