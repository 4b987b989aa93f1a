import { createHmac, timingSafeEqual } from 'node:crypto';

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
  constructor(private readonly key: Buffer) {}

  secret(row: SecretRecord, seq: number): Buffer {
    return this.mac([
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
    return createHmac('sha256', this.key).update(JSON.stringify(fields), 'utf8').digest();
  }
}

/** Constant-time; a missing MAC (null, or a row never signed) never matches. */
export function macMatches(expected: Buffer, stored: Buffer | null | undefined): boolean {
  return stored instanceof Buffer && stored.length === expected.length && timingSafeEqual(stored, expected);
}
