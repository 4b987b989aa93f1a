import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeVaultKey,
  deriveVaultKeys,
  encodeVaultKey,
  fingerprintValue,
  keyCheckMatches,
  keyCheckValue,
  newVaultKey,
  open,
  seal,
  secretAssociatedData,
} from '../../../electron/core/crypto/index.js';

describe('envelope encryption', () => {
  const keys = deriveVaultKeys(newVaultKey(), 'vault-1');

  it('round-trips any bytes, and never reuses a nonce', () => {
    const nonces = new Set<string>();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const aad = secretAssociatedData('s', 1);
        const sealed = seal(keys.encryption, Buffer.from(bytes), aad);
        expect(nonces.has(sealed.nonce.toString('hex'))).toBe(false);
        nonces.add(sealed.nonce.toString('hex'));
        expect(open(keys.encryption, sealed, aad)?.equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it('fails when any byte of ciphertext, nonce or tag changes', () => {
    const aad = secretAssociatedData('s', 1);
    const sealed = seal(keys.encryption, Buffer.from('sk_live_abcdefghijklmnopqrstuvwx'), aad);
    for (const part of ['ciphertext', 'nonce', 'tag'] as const) {
      for (let i = 0; i < sealed[part].length; i++) {
        const copy = { ...sealed, [part]: Buffer.from(sealed[part]) };
        copy[part][i] = (copy[part][i] ?? 0) ^ 0x80;
        expect(open(keys.encryption, copy, aad)).toBeNull();
      }
    }
  });

  it('binds the ciphertext to its secret and version', () => {
    const sealed = seal(keys.encryption, Buffer.from('value'), secretAssociatedData('s', 1));
    expect(open(keys.encryption, sealed, secretAssociatedData('s', 2))).toBeNull();
    expect(open(keys.encryption, sealed, secretAssociatedData('t', 1))).toBeNull();
  });

  it('derives independent keys per purpose and per vault', () => {
    const vk = newVaultKey();
    const a = deriveVaultKeys(vk, 'vault-a');
    const b = deriveVaultKeys(vk, 'vault-b');
    const all = [a.encryption, a.fingerprint, a.audit, a.check, b.encryption].map((key) => key.toString('hex'));
    expect(new Set(all).size).toBe(all.length);
    expect(fingerprintValue(a, 'x').equals(fingerprintValue(a, 'x'))).toBe(true);
    expect(fingerprintValue(a, 'x').equals(fingerprintValue(b, 'x'))).toBe(false);
  });

  it('recognises its own vault key and rejects another', () => {
    const check = keyCheckValue(keys);
    expect(keyCheckMatches(keys, check)).toBe(true);
    expect(keyCheckMatches(deriveVaultKeys(newVaultKey(), 'vault-1'), check)).toBe(false);
  });

  it('accepts only a 32-byte base64 vault key from the keychain', () => {
    const vk = newVaultKey();
    expect(decodeVaultKey(encodeVaultKey(vk))?.equals(vk)).toBe(true);
    expect(decodeVaultKey('c2hvcnQ=')).toBeNull();
    expect(decodeVaultKey('not base64!')).toBeNull();
  });
});
