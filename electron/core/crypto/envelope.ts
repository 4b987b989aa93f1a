import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealed {
  readonly ciphertext: Buffer;
  readonly nonce: Buffer;
  readonly tag: Buffer;
}

/**
 * Binds a ciphertext to its row: moving it to another secret or version changes the
 * associated data and the tag no longer verifies (docs/architecture.md §2).
 */
export function secretAssociatedData(secretId: string, version: number): Buffer {
  return Buffer.from(`rekey/v1|secret|${secretId}|${version}`, 'utf8');
}

export function seal(key: Buffer, plaintext: Buffer, associatedData: Buffer): Sealed {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, nonce, tag: cipher.getAuthTag() };
}

/** Returns null when the data was altered, moved, or sealed under another key. */
export function open(key: Buffer, sealed: Sealed, associatedData: Buffer): Buffer | null {
  if (sealed.nonce.length !== NONCE_BYTES || sealed.tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, sealed.nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}
