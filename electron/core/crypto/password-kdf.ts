import { randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';

/**
 * Memory-hard password → key derivation (scrypt, node:crypto only; Node 22 has no Argon2).
 * The parameters travel with whatever they protect (the wrapped vault key, a backup file),
 * so they can be raised later without breaking what was written with older ones.
 */
export const KdfParamsSchema = z.object({
  algorithm: z.literal('scrypt'),
  /** CPU/memory cost, a power of two. */
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 22)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  /** base64, at least 16 bytes. */
  salt: z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length >= 16, 'salt too short'),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

export const DERIVED_KEY_BYTES = 32;

/** ~0.5 s and 128 MiB on a 2-core CI machine (measured by `npm run bench`). */
export const DEFAULT_SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;

/** Fresh salt, current cost. */
export function newKdfParams(cost: { N: number; r: number; p: number } = DEFAULT_SCRYPT_COST): KdfParams {
  return KdfParamsSchema.parse({ algorithm: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') });
}

/** scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is below our cost. */
function maxmemFor(params: KdfParams): number {
  return 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
}

/**
 * Derives a 32-byte key. Runs on libuv's thread pool so a UI process stays responsive.
 * The password is passed as UTF-8 NFC so the same password typed on macOS and Linux agrees.
 */
export function derivePasswordKey(password: string, params: KdfParams): Promise<Buffer> {
  const checked = KdfParamsSchema.parse(params);
  const secret = Buffer.from(password.normalize('NFC'), 'utf8');
  return new Promise((resolve, reject) => {
    scrypt(
      secret,
      Buffer.from(checked.salt, 'base64'),
      DERIVED_KEY_BYTES,
      { N: checked.N, r: checked.r, p: checked.p, maxmem: maxmemFor(checked) },
      (error, key) => {
        secret.fill(0);
        if (error) reject(error);
        else resolve(key);
      },
    );
  });
}
