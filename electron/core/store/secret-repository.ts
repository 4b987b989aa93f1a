import type { Database, Statement } from 'better-sqlite3';
import type { Sealed } from '../crypto/envelope.js';

/** A secret with its current version's facts: everything a list shows, no ciphertext. */
export interface SecretListRow {
  id: string;
  name: string;
  env_var: string;
  provider: string;
  project: string;
  notes: string;
  rotate_every_days: number;
  created_at: string;
  updated_at: string;
  exposed_at: string | null;
  version: number;
  masked: string;
  rotated_at: string;
  due_at: string;
  /** RecordMac.secret bound to mac_seq; null in a row not signed (yet, or any more). */
  mac: Buffer | null;
  mac_seq: number | null;
}

/** A new secrets row, signed before it is written. */
export type NewSecretRow = SecretListRow & { mac: Buffer; mac_seq: number };

/** What secrets records about its current version; changes with rotate, undo and edit. */
export interface CurrentVersionFacts {
  readonly version: number;
  readonly masked: string;
  readonly rotatedAt: string;
  readonly dueAt: string;
}

export interface VersionRow {
  secret_id: string;
  version: number;
  fingerprint: Buffer;
  masked: string;
  rotated_at: string;
  created_at: string;
  retired_at: string | null;
  mac: Buffer | null;
  mac_seq: number | null;
}

export interface SealedVersionRow extends VersionRow, Sealed {}

export interface NewVersion extends Sealed {
  secretId: string;
  version: number;
  fingerprint: Buffer;
  masked: string;
  rotatedAt: string;
  createdAt: string;
  /** RecordMac.version, bound to macSeq (null only where a caller signs the row afterwards) */
  mac?: Buffer | null;
  macSeq?: number | null;
}

const LIST_COLUMNS = `id, name, env_var, provider, project, notes, rotate_every_days, created_at, updated_at,
  exposed_at, current_version AS version, masked, rotated_at, due_at, mac, mac_seq`;
const VERSION_COLUMNS = 'secret_id, version, fingerprint, masked, rotated_at, created_at, retired_at, mac, mac_seq';
const SEALED_COLUMNS = `ciphertext, nonce, tag, ${VERSION_COLUMNS}`;

/** The SQL of the secrets and their versions; the vault decides what it means. */
export class SecretRepository {
  private readonly stmts: {
    listAll: Statement<[], SecretListRow>;
    listByProject: Statement<[string], SecretListRow>;
    mostUrgent: Statement<{ project: string | null; limit: number }, SecretListRow>;
    byName: Statement<[string], SecretListRow>;
    byId: Statement<[string], SecretListRow>;
    idByName: Statement<[string], { id: string }>;
    insertSecret: Statement<[NewSecretRow]>;
    signSecret: Statement<[Buffer, number, string]>;
    signVersion: Statement<[Buffer, number, string, number]>;
    allVersions: Statement<[], VersionRow>;
    setCurrent: Statement<[Record<string, unknown>]>;
    insertVersion: Statement<[Record<string, unknown>]>;
    sealed: Statement<[string, number], SealedVersionRow>;
    versions: Statement<[string], VersionRow>;
    retire: Statement<[string, string, number]>;
    unretire: Statement<[string, number]>;
    deleteVersion: Statement<[string, number]>;
    deleteSecret: Statement<[string]>;
    byFingerprint: Statement<[Buffer], { name: string; version: number; current: number }>;
    setRotatedAt: Statement<[string, string, number]>;
    allSealed: Statement<[], SealedVersionRow & { name: string; provider: string }>;
  };

  constructor(private readonly db: Database) {
    this.stmts = {
      listAll: db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets`),
      listByProject: db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets WHERE project = ?`),
      // byUrgency's order (exposed first, then due date, then name; names are ASCII, so SQLite's
      // byte order is JavaScript's), so the first rows need not summarise the whole table
      mostUrgent: db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets WHERE @project IS NULL OR project = @project
        ORDER BY exposed_at IS NULL, due_at, name LIMIT @limit`),
      byName: db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets WHERE name = ?`),
      byId: db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets WHERE id = ?`),
      idByName: db.prepare('SELECT id FROM secrets WHERE name = ?'),
      insertSecret: db.prepare(`INSERT INTO secrets
        (id, name, env_var, provider, project, notes, rotate_every_days, created_at, updated_at, exposed_at,
         current_version, masked, rotated_at, due_at, mac, mac_seq)
        VALUES (@id, @name, @env_var, @provider, @project, @notes, @rotate_every_days, @created_at, @updated_at, @exposed_at,
         @version, @masked, @rotated_at, @due_at, @mac, @mac_seq)`),
      signSecret: db.prepare('UPDATE secrets SET mac = ?, mac_seq = ? WHERE id = ?'),
      signVersion: db.prepare('UPDATE secret_versions SET mac = ?, mac_seq = ? WHERE secret_id = ? AND version = ?'),
      allVersions: db.prepare(`SELECT ${VERSION_COLUMNS} FROM secret_versions ORDER BY secret_id, version`),
      setCurrent: db.prepare(`UPDATE secrets SET current_version = @version, masked = @masked, rotated_at = @rotatedAt,
        due_at = @dueAt, updated_at = @updatedAt WHERE id = @secretId`),
      insertVersion: db.prepare(`INSERT INTO secret_versions
        (secret_id, version, ciphertext, nonce, tag, fingerprint, masked, rotated_at, created_at, retired_at, mac, mac_seq)
        VALUES (@secretId, @version, @ciphertext, @nonce, @tag, @fingerprint, @masked, @rotatedAt, @createdAt, NULL, @mac, @macSeq)`),
      sealed: db.prepare(`SELECT ${SEALED_COLUMNS} FROM secret_versions WHERE secret_id = ? AND version = ?`),
      versions: db.prepare(`SELECT ${VERSION_COLUMNS} FROM secret_versions WHERE secret_id = ? ORDER BY version DESC`),
      retire: db.prepare('UPDATE secret_versions SET retired_at = ? WHERE secret_id = ? AND version = ?'),
      unretire: db.prepare('UPDATE secret_versions SET retired_at = NULL WHERE secret_id = ? AND version = ?'),
      deleteVersion: db.prepare('DELETE FROM secret_versions WHERE secret_id = ? AND version = ?'),
      deleteSecret: db.prepare('DELETE FROM secrets WHERE id = ?'),
      byFingerprint: db.prepare(`SELECT s.name, v.version, v.retired_at IS NULL AS current
        FROM secret_versions v JOIN secrets s ON s.id = v.secret_id WHERE v.fingerprint = ? ORDER BY s.name, v.version`),
      setRotatedAt: db.prepare('UPDATE secret_versions SET rotated_at = ? WHERE secret_id = ? AND version = ?'),
      allSealed: db.prepare(`SELECT s.name, s.provider, v.secret_id, v.version, v.ciphertext, v.nonce, v.tag, v.fingerprint, v.masked,
        v.rotated_at, v.created_at, v.retired_at, v.mac, v.mac_seq FROM secret_versions v JOIN secrets s ON s.id = v.secret_id`),
    };
  }

  list(project?: string): SecretListRow[] {
    return project === undefined ? this.stmts.listAll.all() : this.stmts.listByProject.all(project);
  }

  /** The `limit` most urgent secrets (see byUrgency), of one project or all. */
  mostUrgent(limit: number, project?: string): SecretListRow[] {
    return this.stmts.mostUrgent.all({ project: project ?? null, limit });
  }

  findByName(name: string): SecretListRow | undefined {
    return this.stmts.byName.get(name);
  }

  findById(id: string): SecretListRow | undefined {
    return this.stmts.byId.get(id);
  }

  nameExists(name: string): boolean {
    return this.stmts.idByName.get(name) !== undefined;
  }

  insertSecret(row: NewSecretRow): void {
    this.stmts.insertSecret.run(row);
  }

  /** Stores a secret row's MAC and the audit entry it is bound to. */
  signSecret(secretId: string, mac: Buffer, seq: number): void {
    this.stmts.signSecret.run(mac, seq, secretId);
  }

  signVersion(secretId: string, version: number, mac: Buffer, seq: number): void {
    this.stmts.signVersion.run(mac, seq, secretId, version);
  }

  /** Every version row of every secret, without ciphertexts: what `audit verify` checks. */
  allVersions(): VersionRow[] {
    return this.stmts.allVersions.all();
  }

  /** Points the secret at another version: after rotate, undo, or a new rotation date. */
  setCurrent(secretId: string, facts: CurrentVersionFacts, updatedAt: string): void {
    this.stmts.setCurrent.run({ secretId, ...facts, updatedAt });
  }

  insertVersion(version: NewVersion): void {
    this.stmts.insertVersion.run({ mac: null, macSeq: null, ...version });
  }

  sealedVersion(secretId: string, version: number): SealedVersionRow | undefined {
    return this.stmts.sealed.get(secretId, version);
  }

  versions(secretId: string): VersionRow[] {
    return this.stmts.versions.all(secretId);
  }

  retireVersion(secretId: string, version: number, at: string): void {
    this.stmts.retire.run(at, secretId, version);
  }

  restoreVersion(secretId: string, version: number): void {
    this.stmts.unretire.run(secretId, version);
  }

  deleteVersion(secretId: string, version: number): void {
    this.stmts.deleteVersion.run(secretId, version);
  }

  deleteSecret(secretId: string): void {
    this.stmts.deleteSecret.run(secretId);
  }

  namesWithFingerprint(fingerprint: Buffer): Array<{ name: string; version: number; current: boolean }> {
    return this.stmts.byFingerprint.all(fingerprint).map((row) => ({ ...row, current: row.current === 1 }));
  }

  setRotatedAt(secretId: string, version: number, rotatedAt: string): void {
    this.stmts.setRotatedAt.run(rotatedAt, secretId, version);
  }

  /** Partial updates of metadata columns; column names come from the caller's fixed list. */
  updateSecret(secretId: string, changes: SecretChanges, updatedAt: string): void {
    const columns = (Object.keys(changes) as UpdatableColumn[]).filter((column) => UPDATABLE_COLUMNS.includes(column));
    const assignments = [...columns.map((column) => `${column} = @${column}`), 'updated_at = @updated_at'].join(', ');
    this.db.prepare(`UPDATE secrets SET ${assignments} WHERE id = @id`).run({ ...changes, updated_at: updatedAt, id: secretId });
  }

  *everySealedVersion(): Generator<SealedVersionRow & { name: string; provider: string }> {
    yield* this.stmts.allSealed.iterate();
  }
}

export type SecretChanges = Partial<Record<UpdatableColumn, string | number | null>>;
export type UpdatableColumn = 'name' | 'env_var' | 'project' | 'notes' | 'rotate_every_days' | 'exposed_at' | 'provider' | 'due_at';
const UPDATABLE_COLUMNS: readonly UpdatableColumn[] = [
  'name',
  'env_var',
  'project',
  'notes',
  'rotate_every_days',
  'exposed_at',
  'provider',
  'due_at',
];
