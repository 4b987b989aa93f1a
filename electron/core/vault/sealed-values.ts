import { type VaultKeys, fingerprintValue, open, seal, secretAssociatedData } from '../crypto/index.js';
import { RekeyError } from '../errors.js';
import { GENERIC_PROVIDER_ID, maskValue } from '../providers/index.js';
import type { KnownValue } from '../scan/known-values.js';
import type { NewVersion, SealedVersionRow, SecretRepository } from '../store/secret-repository.js';

/** What a secret is called in messages about its value (never the value itself). */
export interface SecretRef {
  readonly id: string;
  readonly name: string;
}

/**
 * Everything in core that turns a value into ciphertext or back: one place to audit for where
 * plaintext exists and that it is wiped. Each ciphertext is bound to its secret and version
 * (secretAssociatedData), so a value moved to another row fails to open. The vault decides
 * when (and records it in the audit log); this module only does it.
 */
export class SealedValues {
  constructor(
    private readonly keys: VaultKeys,
    private readonly secrets: SecretRepository,
  ) {}

  /** Keyed (HMAC) fingerprint: finds equal values without storing or comparing plaintext. */
  fingerprint(value: string): Buffer {
    return fingerprintValue(this.keys, value);
  }

  /** A version row ready to insert: sealed value, fingerprint and masked form. */
  seal(
    secret: { readonly secretId: string; readonly version: number; readonly providerId: string },
    value: string,
    fingerprint: Buffer,
    dates: { readonly rotatedAt: string; readonly createdAt: string },
  ): NewVersion {
    const plaintext = Buffer.from(value, 'utf8');
    const sealed = seal(this.keys.encryption, plaintext, secretAssociatedData(secret.secretId, secret.version));
    plaintext.fill(0);
    const masked = maskValue(value, secret.providerId === GENERIC_PROVIDER_ID ? undefined : secret.providerId);
    return { secretId: secret.secretId, version: secret.version, ...sealed, fingerprint, masked, ...dates };
  }

  /**
   * One stored version as text (the vault passes the current version its MAC'd row names, once
   * that row checked out); refused (naming the key, never the value) if it fails to open.
   */
  decrypt(secret: SecretRef, sealed: SealedVersionRow): string {
    const plain = open(this.keys.encryption, sealed, secretAssociatedData(secret.id, sealed.version));
    if (!plain) {
      throw new RekeyError(
        'integrity',
        `The stored value of "${secret.name}" (version ${sealed.version}) failed its integrity check: it was altered, moved or ` +
          'sealed under another key. Other secrets are not affected.',
      );
    }
    const value = plain.toString('utf8');
    plain.fill(0);
    return value;
  }

  /** Whether a stored version still opens (and so could come back); nothing is kept. */
  opens(secretId: string, version: number): boolean {
    const sealed = this.secrets.sealedVersion(secretId, version);
    const plain = sealed && open(this.keys.encryption, sealed, secretAssociatedData(secretId, version));
    plain?.fill(0);
    return Boolean(plain);
  }

  /** Checks every stored version opens under this vault key; names the ones that don't. */
  verifyAll(): { checked: number; broken: Array<{ name: string; version: number }> } {
    const broken: Array<{ name: string; version: number }> = [];
    let checked = 0;
    for (const row of this.secrets.everySealedVersion()) {
      checked++;
      const plain = open(this.keys.encryption, row, secretAssociatedData(row.secret_id, row.version));
      if (plain === null) broken.push({ name: row.name, version: row.version });
      plain?.fill(0);
    }
    return { checked, broken };
  }

  /** Every stored version, current and previous, decrypted for `use` and wiped when it returns. */
  async withEveryValue<T>(use: (values: KnownValue[]) => Promise<T> | T): Promise<T> {
    const values: KnownValue[] = [];
    try {
      for (const row of this.secrets.everySealedVersion()) {
        const plain = open(this.keys.encryption, row, secretAssociatedData(row.secret_id, row.version));
        if (plain === null) {
          throw new RekeyError(
            'integrity',
            `The stored value of "${row.name}" (version ${row.version}) failed its integrity check; \`rekey audit verify\` lists every such value.`,
          );
        }
        values.push({
          bytes: plain,
          secretId: row.secret_id,
          name: row.name,
          version: row.version,
          current: row.retired_at === null,
          providerId: row.provider,
          masked: row.masked,
        });
      }
      return await use(values);
    } finally {
      for (const value of values) value.bytes.fill(0);
    }
  }
}
