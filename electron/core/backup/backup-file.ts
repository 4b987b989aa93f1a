import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { KdfParamsSchema, derivePasswordKey, newKdfParams } from '../crypto/password-kdf.js';
import { RekeyError } from '../errors.js';

/**
 * A Rekey backup file:
 *
 *   <header: one line of JSON> "\n" <AES-256-GCM ciphertext> <16-byte tag>
 *
 * The header says how to derive the key from the passphrase (scrypt parameters and salt) and
 * holds a passphrase check, so a wrong passphrase is told apart from a damaged file. The header
 * bytes are the cipher's associated data: changing any byte anywhere fails authentication.
 * The plaintext is gzip( u32 manifest length ‖ manifest JSON ‖ SQLite image ).
 */
export const BACKUP_FORMAT = 'rekey-backup';
export const BACKUP_VERSION = 1;
export const MIN_PASSPHRASE_LENGTH = 10;
/** A restore refuses a header that asks for more than this: a hostile file must not exhaust memory. */
export const MAX_KDF_MEMORY_BYTES = 1024 * 1024 * 1024;
/** Ten thousand keys with history are a few MB; this bounds a decompression bomb. */
export const MAX_IMAGE_BYTES = 512 * 1024 * 1024;
const MAX_HEADER_BYTES = 4096;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

const headerSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    kdf: KdfParamsSchema.strict(),
    nonce: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
    check: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
type BackupHeader = z.infer<typeof headerSchema>;

export const manifestSchema = z
  .object({
    vaultId: z.uuid(),
    vaultKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
    /** The keychain item as it was when it held the key wrapped under a master password. */
    keychainItem: z.string().startsWith('rekey-wrapped:v1:').max(8192).optional(),
    createdAt: z.iso.datetime({ offset: true }),
    secrets: z.number().int().min(0),
    versions: z.number().int().min(0),
    auditEntries: z.number().int().min(0),
  })
  .strict();
export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupContents {
  readonly manifest: BackupManifest;
  readonly image: Buffer;
}

function invalid(why: string): RekeyError {
  return new RekeyError('backup-invalid', `This is not a usable Rekey backup: ${why} Nothing was changed.`);
}

function subkeys(passwordKey: Buffer): { encryption: Buffer; check: Buffer } {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', passwordKey, Buffer.alloc(0), info, 32));
  return { encryption: derive('rekey/v1/backup-encryption'), check: derive('rekey/v1/backup-check') };
}

function checkValue(checkKey: Buffer): string {
  return createHmac('sha256', checkKey).update('rekey backup passphrase check').digest('hex');
}

export function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new RekeyError('invalid-input', `A backup passphrase has at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
}

export async function sealBackup(
  contents: BackupContents,
  passphrase: string,
  cost?: { N: number; r: number; p: number },
): Promise<Buffer> {
  checkPassphrase(passphrase);
  const kdf = newKdfParams(cost);
  const keys = subkeys(await derivePasswordKey(passphrase, kdf));
  const manifest = Buffer.from(JSON.stringify(manifestSchema.parse(contents.manifest)), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(manifest.length);
  const plaintext = gzipSync(Buffer.concat([length, manifest, contents.image]));
  const nonce = randomBytes(NONCE_BYTES);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    kdf,
    nonce: nonce.toString('base64'),
    check: checkValue(keys.check),
  };
  const headerLine = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(headerLine);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  keys.encryption.fill(0);
  keys.check.fill(0);
  return Buffer.concat([headerLine, ciphertext, cipher.getAuthTag()]);
}

function readHeader(file: Buffer): { header: BackupHeader; headerLine: Buffer; body: Buffer } {
  const newline = file.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  if (newline < 0) throw invalid('it does not start with a Rekey backup header.');
  const headerLine = file.subarray(0, newline + 1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(headerLine.toString('utf8'));
  } catch {
    const looksOurs = headerLine.toString('utf8').startsWith(`{"format":"${BACKUP_FORMAT}"`);
    throw invalid(looksOurs ? 'its header is damaged.' : 'it does not start with a Rekey backup header.');
  }
  const header = headerSchema.safeParse(parsed);
  if (!header.success) {
    const isOurs = typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === BACKUP_FORMAT;
    throw invalid(isOurs ? 'its header is damaged or from a newer Rekey.' : 'it does not start with a Rekey backup header.');
  }
  const { N, r, p } = header.data.kdf;
  if (128 * N * r * p > MAX_KDF_MEMORY_BYTES) throw invalid('its header asks for more key-derivation memory than Rekey allows.');
  const body = file.subarray(newline + 1);
  if (body.length < TAG_BYTES + 1) throw invalid('it is cut short.');
  return { header: header.data, headerLine, body };
}

/** Refuses a wrong passphrase and any changed byte, before anything else happens. */
export async function openBackup(file: Buffer, passphrase: string): Promise<BackupContents> {
  const { header, headerLine, body } = readHeader(file);
  const keys = subkeys(await derivePasswordKey(passphrase, header.kdf));
  const expected = Buffer.from(header.check, 'hex');
  const actual = Buffer.from(checkValue(keys.check), 'hex');
  if (!timingSafeEqual(expected, actual)) {
    throw new RekeyError('wrong-passphrase', 'The passphrase does not open this backup. Nothing was changed.');
  }
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(header.nonce, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(headerLine);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    plaintext = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw invalid('the file was changed or damaged after it was written (its authentication failed).');
  } finally {
    keys.encryption.fill(0);
  }
  // Authenticated, so written by Rekey with this passphrase; still checked, never trusted blindly.
  let inflated: Buffer;
  try {
    inflated = gunzipSync(plaintext, { maxOutputLength: MAX_IMAGE_BYTES });
  } catch {
    throw invalid('its contents do not unpack.');
  }
  const length = inflated.length >= 4 ? inflated.readUInt32BE(0) : -1;
  if (length < 0 || 4 + length > inflated.length) throw invalid('its contents are incomplete.');
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(inflated.subarray(4, 4 + length).toString('utf8')));
  } catch {
    throw invalid('its table of contents is not valid.');
  }
  return { manifest, image: inflated.subarray(4 + length) };
}
