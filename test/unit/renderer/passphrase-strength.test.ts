import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../../../renderer/src/components/backup/passphrase-strength.js';
import { MIN_PASSPHRASE_LENGTH as CORE_MINIMUM } from '../../../electron/core/index.js';

describe('the backup passphrase strength meter', () => {
  it('asks for exactly the length core demands', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(CORE_MINIMUM);
    expect(passphraseStrength('a'.repeat(CORE_MINIMUM - 1)).score).toBe(0);
    expect(passphraseStrength('correct horse').score).toBeGreaterThan(0);
  });

  it('rates repeats, runs and well-known words low, and several unrelated words high', () => {
    expect(passphraseStrength('aaaaaaaaaaaaaaaa').score).toBe(1);
    expect(passphraseStrength('abcdefghijklmnop').score).toBe(1);
    expect(passphraseStrength('password123').score).toBe(1);
    expect(passphraseStrength('plum tractor seven lanterns').score).toBeGreaterThanOrEqual(3);
    expect(passphraseStrength('Vq7#mZ2!rL9@xT4$').score).toBeGreaterThanOrEqual(3);
  });

  it('says something for every score, and never repeats the passphrase', () => {
    for (const passphrase of ['x', 'aaaaaaaaaaaa', 'plum tractor', 'plum tractor seven', 'plum tractor seven lanterns']) {
      const strength = passphraseStrength(passphrase);
      expect(strength.label.length).toBeGreaterThan(0);
      expect(`${strength.label} ${strength.hint}`).not.toContain(passphrase);
    }
  });
});
