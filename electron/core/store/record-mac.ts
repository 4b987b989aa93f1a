import { type KeyObject, createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';

/**
 * The MACs over what says what a key is: each secret's row, each version row, and the settings.
 * The bytes covered are a JSON array (a tag naming the kind of record, then every field in a
 * fixed order), so no two different records encode alike; concatenating fields could not promise
 * that. Each MAC is bound to `seq`, the audit entry whose change wrote this state, so a row
 * restored from an older copy of the file carries an older seq than the audit log says it should
 * (record-integrity.ts checks that). The key is the vault key's 'rekey/v1/record-mac' subkey.
 */

/** Every column of a secrets row except the MAC itself. */
export interface SecretRecord {
  readonly id: string;
  readonly name: string;
  readonly env_var: string;
  readonly provider: string;
  readonly project: string;
  readonly notes: string;
  readonly rotate_every_days: number;
  readonly created_at: string;
  readonly updated_at: string;
  readonly exposed_at: string | null;
  /** current_version */
  readonly version: number;
  readonly masked: string;
  readonly rotated_at: string;
  readonly due_at: string;
}

/** A version row's facts; its ciphertext is authenticated by AES-GCM (secretAssociatedData). */
export interface VersionRecord {
  readonly secret_id: string;
  readonly version: number;
  readonly fingerprint: Buffer;
  readonly masked: string;
  readonly rotated_at: string;
  readonly created_at: string;
  readonly retired_at: string | null;
}

/** The stored settings as they are: every row, sorted by key. */
export type SettingsRecord = ReadonlyArray<readonly [key: string, value: string]>;

export class RecordMac {
  private readonly key: KeyObject;
  /**
   * Secret rows already verified, by id: every field covered and the MAC that matched. A list
   * re-reads the same 10,000 rows again and again; identical fields and an identical stored MAC
   * give the identical answer, so only rows that changed pay for an encoding and an HMAC.
   */
  private readonly verified = new Map<string, { readonly row: SecretRecord; readonly seq: number; readonly mac: Buffer }>();

  constructor(key: Buffer) {
    // imported once: createHmac with a Buffer would import the key again for every row
    this.key = createSecretKey(key);
  }

  secret(row: SecretRecord, seq: number): Buffer {
    return this.digest(secretEncoding(row, seq));
  }

  /** Whether `stored` is the MAC of this row at `seq` (remembered when it is). */
  secretMatches(row: SecretRecord, seq: number, stored: Buffer | null): boolean {
    if (stored === null) return false;
    const known = this.verified.get(row.id);
    if (known !== undefined && known.seq === seq && sameSecretRecord(known.row, row) && known.mac.equals(stored)) return true;
    if (!macMatches(this.secret(row, seq), stored)) return false;
    this.verified.set(row.id, { row: copySecretRecord(row), seq, mac: Buffer.from(stored) });
    return true;
  }

  version(row: VersionRecord, seq: number): Buffer {
    return this.mac([
      'rekey/v1/version',
      seq,
      row.secret_id,
      row.version,
      row.fingerprint.toString('hex'),
      row.masked,
      row.rotated_at,
      row.created_at,
      row.retired_at,
    ]);
  }

  settings(rows: SettingsRecord, seq: number): Buffer {
    const sorted = [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return this.mac(['rekey/v1/settings', seq, sorted.map(([key, value]) => [key, value])]);
  }

  private mac(fields: readonly unknown[]): Buffer {
    return this.digest(JSON.stringify(fields));
  }

  private digest(encoded: string): Buffer {
    return createHmac('sha256', this.key).update(encoded, 'utf8').digest();
  }
}

function secretEncoding(row: SecretRecord, seq: number): string {
  return JSON.stringify([
    'rekey/v1/secret',
    seq,
    row.id,
    row.name,
    row.env_var,
    row.provider,
    row.project,
    row.notes,
    row.rotate_every_days,
    row.created_at,
    row.updated_at,
    row.exposed_at,
    row.version,
    row.masked,
    row.rotated_at,
    row.due_at,
  ]);
}

/** Constant-time; a missing MAC (null, or a row never signed) never matches. */
export function macMatches(expected: Buffer, stored: Buffer | null | undefined): boolean {
  return stored instanceof Buffer && stored.length === expected.length && timingSafeEqual(stored, expected);
}

const SECRET_FIELDS = [
  'id',
  'name',
  'env_var',
  'provider',
  'project',
  'notes',
  'rotate_every_days',
  'created_at',
  'updated_at',
  'exposed_at',
  'version',
  'masked',
  'rotated_at',
  'due_at',
] as const satisfies ReadonlyArray<keyof SecretRecord>;

function sameSecretRecord(a: SecretRecord, b: SecretRecord): boolean {
  for (const field of SECRET_FIELDS) if (a[field] !== b[field]) return false;
  return true;
}

function copySecretRecord(row: SecretRecord): SecretRecord {
  const copy: Record<string, unknown> = {};
  for (const field of SECRET_FIELDS) copy[field] = row[field];
  return copy as unknown as SecretRecord;
}
