import type { Database } from 'better-sqlite3';
import type { AuditLog } from '../audit/audit-log.js';
import { RekeyError } from '../errors.js';
import { type SettingsStore } from '../settings/settings-store.js';
import { type RecordMac, macMatches } from './record-mac.js';
import type { NewSecretRow, NewVersion, SealedVersionRow, SecretListRow, SecretRepository, VersionRow } from './secret-repository.js';

/** One thing `audit verify` found wrong: a secret, one of its versions, or the settings. */
export interface IntegrityProblem {
  /** `"gh"`, `"gh" version 2`, `settings`, or `a secret with id …` for a row without a name. */
  readonly subject: string;
  readonly reason: string;
}

export interface IntegrityReport {
  readonly secrets: number;
  readonly versions: number;
  readonly problems: IntegrityProblem[];
}

/** Up to this many rows, a list looks up each one's newest change instead of all of them at once. */
const FEW_ROWS = 500;

/** In vault.init's detail: this vault signed its records from the start, so there is nothing to upgrade. */
export const SIGNED_FROM_CREATION = 'recordMacs';

/**
 * What says what a key is, checked against record-mac.ts's MACs:
 *
 * - every change to a secret re-signs its row and all its version rows at the seq of the audit
 *   entry recording that change, so all of a secret's rows carry the same mac_seq, and that seq
 *   must be the newest entry that changed the secret (or the one-time signing of an upgraded
 *   vault, if that came later). A row put back from an older copy of the file has a valid MAC
 *   but an older seq: it is caught.
 * - the current version is the one the (MAC'd) secrets row names; it must be unretired and agree
 *   with the row on masked form and rotation date; versions above it, or other unretired ones,
 *   are refused.
 *
 * Reading values uses checkForValue (one secret); the list uses listCheck (MAC and seq, no
 * version rows); `audit verify` uses verifyAll (everything, plus secrets missing from the file).
 */
export class RecordIntegrity {
  constructor(
    private readonly db: Database,
    private readonly secrets: SecretRepository,
    private readonly audit: AuditLog,
    private readonly mac: RecordMac,
    private readonly settings: SettingsStore,
  ) {}

  /** The MAC of a secrets row about to be inserted at audit entry `seq`. */
  secretMac(row: SecretListRow, seq: number): Buffer {
    return this.mac.secret(row, seq);
  }

  versionMac(row: VersionRow, seq: number): Buffer {
    return this.mac.version(row, seq);
  }

  /** A new secret's rows, signed at the audit entry that records the add (no read back). */
  signNew(row: SecretListRow, version: NewVersion, seq: number): { row: NewSecretRow; version: NewVersion } {
    const versionRecord = {
      secret_id: version.secretId,
      version: version.version,
      fingerprint: version.fingerprint,
      masked: version.masked,
      rotated_at: version.rotatedAt,
      created_at: version.createdAt,
      retired_at: null,
    };
    return {
      row: { ...row, mac: this.mac.secret(row, seq), mac_seq: seq },
      version: { ...version, mac: this.mac.version(versionRecord, seq), macSeq: seq },
    };
  }

  /** Whether the list should mark this one row (show); listCheck does a whole list at once. */
  isAltered(row: SecretListRow): boolean {
    return this.rowProblem(row, this.expectedSeq(row.id)) !== null;
  }

  /** The row and every version row of one secret: what must hold before Rekey changes it. */
  secretProblem(row: SecretListRow): string | null {
    const rowProblem = this.rowProblem(row, this.expectedSeq(row.id));
    if (rowProblem) return rowProblem;
    const versions = this.secrets.versions(row.id);
    if (!versions.some((version) => version.version === row.version)) return `its current version (${row.version}) is missing`;
    for (const version of versions) {
      const problem = this.versionProblem(version, row);
      if (problem) return problem;
    }
    return null;
  }

  /** Re-signs the secret's row and every version row at `seq`, inside the change's transaction. */
  sign(secretId: string, seq: number): void {
    const row = this.secrets.findById(secretId);
    if (!row) return;
    this.secrets.signSecret(secretId, this.mac.secret(row, seq), seq);
    for (const version of this.secrets.versions(secretId)) {
      this.secrets.signVersion(secretId, version.version, this.mac.version(version, seq), seq);
    }
  }

  /** The audit entry the secret's rows must be bound to; 0 when the log knows no such secret. */
  expectedSeq(
    secretId: string,
    lastRowWrite = this.audit.lastRowWrite(secretId),
    signedAt = this.audit.newestOf('vault.records-signed'),
  ): number {
    return Math.max(lastRowWrite ?? 0, signedAt ?? 0);
  }

  /** Why the secrets row cannot be trusted, or null. */
  rowProblem(row: SecretListRow, expectedSeq: number): string | null {
    if (row.mac === null || row.mac_seq === null) return 'its row has no integrity record';
    if (!this.mac.secretMatches(row, row.mac_seq, row.mac)) return 'its row does not match its MAC';
    if (row.mac_seq !== expectedSeq) {
      return row.mac_seq < expectedSeq
        ? `its row is an older copy (written by audit entry ${row.mac_seq}; the newest change to it is entry ${expectedSeq})`
        : `its row claims audit entry ${row.mac_seq}, which did not change it`;
    }
    return null;
  }

  /**
   * For a list: true = altered. A whole list looks up every secret's newest change in one pass
   * over the audit index; a first screen of a few rows looks each one up.
   */
  listCheck(rowCount: number): (row: SecretListRow) => boolean {
    if (rowCount <= FEW_ROWS) return (row) => this.isAltered(row);
    const problem = this.listCheckWithReasons();
    return (row) => problem(row) !== null;
  }

  /**
   * Everything a value read relies on: the row, and the version it names as current. Returns
   * that version (to decrypt) or the reason it cannot be trusted.
   */
  checkForValue(row: SecretListRow): { ok: true; sealed: SealedVersionRow } | { ok: false; reason: string } {
    const rowProblem = this.rowProblem(row, this.expectedSeq(row.id));
    if (rowProblem) return { ok: false, reason: rowProblem };
    const sealed = this.secrets.sealedVersion(row.id, row.version);
    if (!sealed) return { ok: false, reason: `its current version (${row.version}) is missing` };
    const versionProblem = this.versionProblem(sealed, row);
    return versionProblem ? { ok: false, reason: versionProblem } : { ok: true, sealed };
  }

  /** Every secret, version and the settings; also secrets the audit log says exist but the file lacks. */
  verifyAll(): IntegrityReport {
    const problems: IntegrityProblem[] = [];
    const settings = this.settings.verify();
    if (!settings.ok) problems.push({ subject: 'settings', reason: settings.reason });

    const rows = this.secrets.list();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const check = this.listCheckWithReasons();
    for (const row of rows) {
      const reason = check(row);
      if (reason) problems.push({ subject: `"${row.name}"`, reason });
    }
    const versions = this.secrets.allVersions();
    const currentSeen = new Set<string>();
    for (const version of versions) {
      const row = byId.get(version.secret_id);
      if (!row) {
        problems.push({
          subject: `version ${version.version} of a secret with id ${version.secret_id}`,
          reason: 'its secret is not in the vault',
        });
        continue;
      }
      if (version.version === row.version) currentSeen.add(row.id);
      const reason = this.versionProblem(version, row);
      if (reason) problems.push({ subject: `"${row.name}" version ${version.version}`, reason });
    }
    for (const row of rows) {
      if (!currentSeen.has(row.id)) problems.push({ subject: `"${row.name}"`, reason: `its current version (${row.version}) is missing` });
    }
    for (const [id, name] of this.livingByLog()) {
      if (!byId.has(id))
        problems.push({ subject: `"${name}"`, reason: 'the audit log says it exists, but its row was removed from the file' });
    }
    return { secrets: rows.length, versions: versions.length, problems };
  }

  /**
   * Trust on upgrade: a vault made before record MACs (schema 2) has its rows and settings signed
   * once, on its first unlocked open, recorded as `vault.records-signed`. Only when the audit log
   * proves it never happened: no such entry, vault.init not marked SIGNED_FROM_CREATION, and an
   * intact chain (a removed signing entry breaks it). Otherwise unsigned rows stay unsigned, and
   * are reported as altered.
   */
  signUpgradedVault(now: Date): boolean {
    if (!this.upgradeNeeded() || !this.audit.verify().ok) return false;
    return this.db
      .transaction(() => {
        if (!this.upgradeNeeded()) return false;
        const rows = this.secrets.list();
        const versions = this.secrets.allVersions();
        const seq = this.audit.append(now, 'vault.records-signed', null, { secrets: rows.length, versions: versions.length });
        for (const row of rows) this.secrets.signSecret(row.id, this.mac.secret(row, seq), seq);
        for (const version of versions) this.secrets.signVersion(version.secret_id, version.version, this.mac.version(version, seq), seq);
        this.settings.signAt(seq);
        return true;
      })
      .immediate();
  }

  private upgradeNeeded(): boolean {
    if (this.audit.newestOf('vault.records-signed') !== null) return false;
    const genesis = this.audit.entry(1);
    return genesis !== null && genesis.action === 'vault.init' && genesis.detail[SIGNED_FROM_CREATION] !== true;
  }

  private listCheckWithReasons(): (row: SecretListRow) => string | null {
    const lastWrites = this.audit.lastRowWrites();
    const signedAt = this.audit.newestOf('vault.records-signed');
    return (row) => this.rowProblem(row, this.expectedSeq(row.id, lastWrites.get(row.id) ?? null, signedAt));
  }

  private versionProblem(version: VersionRow, row: SecretListRow): string | null {
    if (version.mac === null || version.mac_seq === null) return `version ${version.version} has no integrity record`;
    if (!macMatches(this.mac.version(version, version.mac_seq), version.mac)) return `version ${version.version} does not match its MAC`;
    if (version.mac_seq !== row.mac_seq)
      return `version ${version.version} is an older copy (written by audit entry ${version.mac_seq}, the secret by ${row.mac_seq})`;
    if (version.version > row.version) return `version ${version.version} is newer than its current version ${row.version}`;
    const current = version.version === row.version;
    if (current && version.retired_at !== null) return `its current version ${version.version} is marked retired`;
    if (!current && version.retired_at === null)
      return `version ${version.version} is marked current, but the secret's current version is ${row.version}`;
    if (current && (version.masked !== row.masked || version.rotated_at !== row.rotated_at)) {
      return `its current version ${version.version} does not agree with the secret's row`;
    }
    return null;
  }

  /** Secrets the log added and never deleted, by id, with their newest name. */
  private livingByLog(): Map<string, string> {
    const living = new Map<string, string>();
    for (const event of this.audit.events()) {
      if (event.secretId === null) continue;
      const name = typeof event.detail['name'] === 'string' ? event.detail['name'] : event.secretId;
      if (event.action === 'secret.add') living.set(event.secretId, name);
      else if (event.action === 'secret.delete') living.delete(event.secretId);
      else if (living.has(event.secretId)) living.set(event.secretId, name);
    }
    return living;
  }
}

/** The one message for a key whose rows fail: names the key and what failed, never a value. */
export function changedOutsideRekey(name: string, reason: string): RekeyError {
  return new RekeyError(
    'integrity',
    `"${name}" was changed outside Rekey: ${reason}. Its value is refused, and it cannot be changed, until the vault is restored ` +
      'from a backup (or the key is deleted and added again); `rekey audit verify` lists every such change.',
  );
}
