import { describe, expect, it } from 'vitest';
import { derivePasswordKey, KdfParamsSchema, newKdfParams } from '../../../electron/core/crypto/password-kdf.js';

// Low cost so the unit suite stays fast; the real cost is measured by the bench.
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('password KDF', () => {
  it('derives the same 32-byte key for the same password and salt', async () => {
    const params = newKdfParams(CHEAP);
    const a = await derivePasswordKey('correct horse', params);
    const b = await derivePasswordKey('correct horse', params);
    expect(a).toHaveLength(32);
    expect(a.equals(b)).toBe(true);
  });

  it('gives a different key for another password, salt or cost', async () => {
    const params = newKdfParams(CHEAP);
    const base = await derivePasswordKey('correct horse', params);
    expect(base.equals(await derivePasswordKey('correct horsf', params))).toBe(false);
    expect(base.equals(await derivePasswordKey('correct horse', newKdfParams(CHEAP)))).toBe(false);
    expect(base.equals(await derivePasswordKey('correct horse', { ...params, N: 2 ** 11 }))).toBe(false);
  });

  it('treats composed and decomposed forms of a password as the same password', async () => {
    const params = newKdfParams(CHEAP);
    const composed = await derivePasswordKey('caf\u00e9', params);
    const decomposed = await derivePasswordKey('cafe\u0301', params);
    expect(composed.equals(decomposed)).toBe(true);
  });

  it('refuses parameters that are weak or malformed', () => {
    const params = newKdfParams(CHEAP);
    expect(KdfParamsSchema.safeParse({ ...params, N: 1000 }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...params, N: 2 ** 9 }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...params, salt: 'c2hvcnQ=' }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...params, algorithm: 'md5' }).success).toBe(false);
  });

  it('runs the default cost without hitting scrypt memory limits', async () => {
    const key = await derivePasswordKey('x', newKdfParams());
    expect(key).toHaveLength(32);
  });
});
