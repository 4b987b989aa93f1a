import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { differenceInCalendarDays, addDays } from 'date-fns';
import { AuditLog, type AuditAction, type AuditEvent, type AuditVerdict } from '../audit/index.js';
import { type Clock, systemClock } from '../clock.js';
import {
  type VaultKeys,
  deriveVaultKeys,
  encodeVaultKey,
  isWrappedVaultKey,
  keyCheckValue,
  newKdfParams,
  newVaultKey,
  wipeVaultKeys,
  wrapVaultKey,
} from '../crypto/index.js';
import { RekeyError } from '../errors.js';
import type { KnownValue } from '../scan/known-values.js';
import { type KeyStore, vaultKeyAccount } from '../keychain/index.js';
import { checkFormat } from '../providers/index.js';
import { type RotationStatus, dueDate, statusJudge } from '../rotation/index.js';
import type { Settings } from '../settings/settings.js';
import { SettingsStore } from '../settings/settings-store.js';
import { type IntegrityReport, RecordIntegrity, SIGNED_FROM_CREATION, changedOutsideRekey } from '../store/record-integrity.js';
import { RecordMac } from '../store/record-mac.js';
import { type Database, openDatabase } from '../store/database.js';
import { type SecretChanges, type SecretListRow, SecretRepository } from '../store/secret-repository.js';
import { readVaultId, readVaultIdentity, writeVaultIdentity } from '../store/vault-identity.js';
import { type MasterPasswordChange, checkMasterPassword } from './master-password.js';
import { type NewSecret, knownProvider, prepareNew } from './new-secret.js';
import { SealedValues } from './sealed-values.js';
import {
  checkRotatedAt,
  envVarSchema,
  notesSchema,
  parseField,
  projectSchema,
  rotateEveryDaysSchema,
  secretNameSchema,
} from './secret-fields.js';
import { type SecretSummary, type VersionSummary, byUrgency, summarise, summariseVersion } from './secret-summary.js';
import { checkSecretValue } from './secret-value.js';
import { type KdfCost, unlockVaultKey, wipeUnlocked } from './vault-unlock.js';
import { vaultDatabasePath } from './vault-paths.js';

export type { NewSecret } from './new-secret.js';

export const UNDO_GRACE_DAYS = 7;

export interface VaultOptions {
  readonly home: string;
  readonly keyStore: KeyStore;
  readonly clock?: Clock | undefined;
  /** Fixed lead time; by default the vault's own setting. */
  readonly leadDays?: number | undefined;
  /**
   * Asked only when the vault has a master password (after the throttle allows an attempt).
   * Absent: such a vault refuses to open with 'password-required'.
   */
  readonly askPassword?: (() => Promise<string>) | undefined;
  /**
   * scrypt cost for wrapping (default DEFAULT_SCRYPT_COST; tests pass a cheap one). A wrap
   * weaker than this is raised on unlock.
   */
  readonly kdfCost?: KdfCost | undefined;
}

/** Every metadata field may change; the value changes only through rotate. */
export type SecretPatch = { readonly [K in keyof NewSecret]?: NewSecret[K] | undefined };

export interface AddResult {
  readonly secret: SecretSummary;
  /** Format doubts and duplicates: worth telling the user, never a reason to refuse. */
  readonly warnings: readonly string[];
}

export interface ListFilter {
  readonly project?: string | undefined;
  readonly status?: RotationStatus | undefined;
  /** Only the most urgent this many: what a window needs for its first screen. */
  readonly limit?: number | undefined;
}

/** Why a value leaves the vault: each purpose is its own audit action. */
export type RevealPurpose = 'reveal' | 'copy' | 'export' | 'run';

const REVEAL_ACTIONS: Record<RevealPurpose, AuditAction> = {
  reveal: 'secret.reveal',
  copy: 'secret.copy',
  export: 'secret.export',
  run: 'secret.run',
};

/**
 * The vault: one SQLite file of metadata and sealed values, one vault key in the OS
 * keychain. Every change and its audit entry commit in one transaction. The jobs around it
 * live apart: unlocking (vault-unlock), plaintext (sealed-values), new secrets (new-secret),
 * the identity record (store/vault-identity).
 */
export class Vault {
  private readonly secrets: SecretRepository;
  private readonly audit: AuditLog;
  private readonly clock: Clock;
  private readonly leadDays: number | undefined;
  private readonly settingsStore: SettingsStore;
  private readonly integrity: RecordIntegrity;
  private keys: VaultKeys | null;
  private values: SealedValues | null;
  /** Kept only so a backup can carry it; wiped with the subkeys on close. */
  private vaultKey: Buffer | null;

  private constructor(
    private readonly db: Database,
    keys: VaultKeys,
    vaultKey: Buffer,
    readonly vaultId: string,
    readonly path: string,
    options: VaultOptions,
  ) {
    this.keys = keys;
    this.vaultKey = Buffer.from(vaultKey);
    this.clock = options.clock ?? systemClock;
    this.leadDays = options.leadDays;
    this.secrets = new SecretRepository(db);
    this.values = new SealedValues(keys, this.secrets);
    this.audit = new AuditLog(db, keys.audit);
    const recordMac = new RecordMac(keys.records);
    const audit = this.audit;
    this.settingsStore = new SettingsStore(db, {
      mac: recordMac,
      // the newest save, or the one-time signing of an upgraded vault if that came later
      expectedSeq: () => {
        const saved = audit.newestOf('vault.settings');
        const signed = audit.newestOf('vault.records-signed');
        return saved === null && signed === null ? null : Math.max(saved ?? 0, signed ?? 0);
      },
    });
    this.integrity = new RecordIntegrity(db, this.secrets, this.audit, recordMac, this.settingsStore);
  }

  static exists(home: string): boolean {
    return existsSync(vaultDatabasePath(home));
  }

  /** Creates the vault key in the keychain first: a vault file without its key is useless. */
  static async init(options: VaultOptions): Promise<Vault> {
    const path = vaultDatabasePath(options.home);
    if (existsSync(path)) throw new RekeyError('already-initialised', `A vault already exists at ${path}.`);
    mkdirSync(options.home, { recursive: true, mode: 0o700 });

    const vaultId = randomUUID();
    const vaultKey = newVaultKey();
    const account = vaultKeyAccount(vaultId);
    await options.keyStore.set(account, encodeVaultKey(vaultKey));

    let db: Database | undefined;
    try {
      db = openDatabase(path, { create: true });
      chmodSync(path, 0o600);
      const keys = deriveVaultKeys(vaultKey, vaultId);
      const vault = new Vault(db, keys, vaultKey, vaultId, path, options);
      vaultKey.fill(0);
      vault.initialise();
      return vault;
    } catch (error) {
      db?.close();
      await options.keyStore.delete(account).catch(() => false);
      throw error;
    }
  }

  /** Exactly one keychain read per unlock. */
  static async open(options: VaultOptions): Promise<Vault> {
    const path = vaultDatabasePath(options.home);
    if (!existsSync(path)) {
      throw new RekeyError('not-initialised', `No vault at ${path}. Run \`rekey init\` to create one (or set REKEY_HOME).`);
    }
    const db = openDatabase(path, { create: false });
    try {
      const identity = readVaultIdentity(db, path);
      const { vaultKey, keys } = await unlockVaultKey(db, path, identity, options);
      try {
        const vault = new Vault(db, keys, vaultKey, identity.vaultId, path, options);
        // trust on upgrade: a vault from before record MACs is signed once (SECURITY.md)
        vault.integrity.signUpgradedVault(vault.clock.now());
        return vault;
      } finally {
        vaultKey.fill(0);
      }
    } catch (error) {
      db.close();
      throw error;
    }
  }

  close(): void {
    if (this.keys) wipeVaultKeys(this.keys);
    this.keys = null;
    this.values = null;
    this.vaultKey?.fill(0);
    this.vaultKey = null;
    if (this.db.open) this.db.close();
  }

  // ---- reading metadata (never decrypts) ------------------------------------------------

  list(filter: ListFilter = {}): SecretSummary[] {
    const judge = this.judge();
    // the window's first screen of a big vault: let SQLite pick those rows
    const rows =
      filter.limit !== undefined && filter.status === undefined
        ? this.secrets.mostUrgent(filter.limit, filter.project)
        : this.secrets.list(filter.project);
    const altered = this.integrity.listCheck(rows.length);
    const all = rows.map((row) => summarise(row, judge, altered(row)));
    const wanted = filter.status === undefined ? all : all.filter((secret) => secret.status === filter.status);
    wanted.sort(byUrgency);
    return filter.limit === undefined ? wanted : wanted.slice(0, filter.limit);
  }

  show(name: string): SecretSummary {
    const row = this.row(name);
    return summarise(row, this.judge(), this.integrity.isAltered(row));
  }

  history(name: string): VersionSummary[] {
    return this.secrets.versions(this.row(name).id).map(summariseVersion);
  }

  /** The date until which the newest rotation can still be undone, or null. */
  undoableUntil(name: string): string | null {
    const versions = this.secrets.versions(this.row(name).id);
    const [current, previous] = versions;
    if (!current || !previous) return null;
    const until = addDays(new Date(current.created_at), UNDO_GRACE_DAYS);
    return this.clock.now() < until ? until.toISOString() : null;
  }

  // ---- changes -------------------------------------------------------------------------

  add(input: NewSecret, value: string): AddResult {
    return this.addMany([{ input, value }])[0] as AddResult;
  }

  /** All or nothing: one transaction for the whole batch (the import path). */
  addMany(items: ReadonlyArray<{ input: NewSecret; value: string }>): AddResult[] {
    const now = this.clock.now();
    const judge = this.judge();
    // read once per batch: an import of 10,000 keys should not read the settings 10,000 times
    const userDefault = this.settingsStore.read().defaultRotateEveryDays;
    const values = this.sealed();
    const prepared = items.map(({ input, value }) => {
      const item = prepareNew(input, value, now, userDefault);
      return { ...item, fingerprint: values.fingerprint(value) };
    });
    const seen = new Set<string>();
    for (const item of prepared) {
      if (seen.has(item.name)) throw new RekeyError('already-exists', `The name "${item.name}" appears twice in this batch.`);
      seen.add(item.name);
    }
    const created = this.db
      .transaction(() =>
        prepared.map((item) => {
          if (this.secrets.nameExists(item.name)) {
            throw new RekeyError('already-exists', `A secret named "${item.name}" already exists.`);
          }
          const stamp = now.toISOString();
          const id = randomUUID();
          const version = values.seal({ secretId: id, version: 1, providerId: item.provider }, item.value, item.fingerprint, {
            rotatedAt: item.rotatedAt.toISOString(),
            createdAt: stamp,
          });
          const row: SecretListRow = {
            mac: null,
            mac_seq: null,
            id,
            name: item.name,
            env_var: item.envVar,
            provider: item.provider,
            project: item.project,
            notes: item.notes,
            rotate_every_days: item.rotateEveryDays,
            created_at: stamp,
            updated_at: stamp,
            exposed_at: null,
            version: 1,
            masked: version.masked,
            rotated_at: version.rotatedAt,
            due_at: dueDate(item.rotatedAt, item.rotateEveryDays).toISOString(),
          };
          const duplicates = this.secrets.namesWithFingerprint(item.fingerprint).filter((hit) => hit.current);
          // the entry first: the rows are signed with its seq as they are written
          const seq = this.audit.append(now, 'secret.add', id, { name: item.name, provider: item.provider, project: item.project });
          const signed = this.integrity.signNew(row, version, seq);
          this.secrets.insertSecret(signed.row);
          this.secrets.insertVersion(signed.version);
          const warnings = [...item.warnings];
          if (duplicates.length > 0) {
            warnings.push(`The same value is already stored as ${duplicates.map((hit) => `"${hit.name}"`).join(', ')}.`);
          }
          // built from what was just written: re-reading 10,000 rows would double an import's time
          return { secret: summarise(row, judge), warnings };
        }),
      )
      .immediate();
    return created;
  }

  rotate(name: string, value: string): AddResult {
    const row = this.trustedRow(name);
    checkSecretValue(value, `"${name}"`);
    const now = this.clock.now();
    const stamp = now.toISOString();
    const warnings: string[] = [];
    const formatWarning = checkFormat(row.provider, value);
    if (formatWarning) warnings.push(formatWarning);
    const values = this.sealed();
    const fingerprint = values.fingerprint(value);
    const reused = this.secrets.namesWithFingerprint(fingerprint);
    if (reused.some((hit) => hit.name === row.name)) {
      warnings.push(`"${row.name}" held this same value before; a rotation normally brings a new value.`);
    }
    const version = values.seal({ secretId: row.id, version: row.version + 1, providerId: row.provider }, value, fingerprint, {
      rotatedAt: stamp,
      createdAt: stamp,
    });
    this.db
      .transaction(() => {
        this.secrets.retireVersion(row.id, row.version, stamp);
        this.secrets.insertVersion(version);
        this.secrets.setCurrent(row.id, this.currentFacts(version.version, version.masked, stamp, row.rotate_every_days), stamp);
        // a fresh value is no longer the exposed one
        this.secrets.updateSecret(row.id, { exposed_at: null }, stamp);
        this.integrity.sign(row.id, this.audit.append(now, 'secret.rotate', row.id, { name: row.name, version: row.version + 1 }));
      })
      .immediate();
    return { secret: this.show(name), warnings };
  }

  undoRotate(name: string): SecretSummary {
    const row = this.trustedRow(name);
    const [current, previous] = this.secrets.versions(row.id);
    if (!current || !previous) {
      throw new RekeyError('nothing-to-undo', `"${name}" has never been rotated, so there is nothing to undo.`);
    }
    const now = this.clock.now();
    const age = differenceInCalendarDays(now, new Date(current.created_at));
    if (now >= addDays(new Date(current.created_at), UNDO_GRACE_DAYS)) {
      throw new RekeyError(
        'grace-period-over',
        `The last rotation of "${name}" was ${age} days ago; a rotation can be undone within ${UNDO_GRACE_DAYS} days.`,
      );
    }
    // the current value is deleted below, so the one coming back must be proven readable first
    if (!this.sealed().opens(row.id, previous.version)) {
      throw new RekeyError(
        'integrity',
        `Cannot undo the rotation of "${name}": its previous value (version ${previous.version}) failed its integrity check. The current value was kept.`,
      );
    }
    this.db
      .transaction(() => {
        this.secrets.deleteVersion(row.id, current.version);
        this.secrets.restoreVersion(row.id, previous.version);
        const facts = this.currentFacts(previous.version, previous.masked, previous.rotated_at, row.rotate_every_days);
        this.secrets.setCurrent(row.id, facts, now.toISOString());
        this.integrity.sign(
          row.id,
          this.audit.append(now, 'secret.undo-rotate', row.id, { name: row.name, restoredVersion: previous.version }),
        );
      })
      .immediate();
    return this.show(name);
  }

  edit(name: string, patch: SecretPatch): SecretSummary {
    const row = this.trustedRow(name);
    const now = this.clock.now();
    const changes: SecretChanges = {};
    if (patch.name !== undefined && patch.name !== row.name) {
      const newName = parseField(secretNameSchema, patch.name, 'name');
      if (this.secrets.nameExists(newName)) throw new RekeyError('already-exists', `A secret named "${newName}" already exists.`);
      changes.name = newName;
    }
    if (patch.envVar !== undefined) changes.env_var = parseField(envVarSchema, patch.envVar, 'env var name');
    if (patch.project !== undefined) changes.project = parseField(projectSchema, patch.project, 'project');
    if (patch.notes !== undefined) changes.notes = parseField(notesSchema, patch.notes, 'notes');
    if (patch.rotateEveryDays !== undefined) {
      changes.rotate_every_days = parseField(rotateEveryDaysSchema, patch.rotateEveryDays, 'rotation interval');
    }
    if (patch.provider !== undefined) changes.provider = knownProvider(patch.provider).id;
    const rotatedAt = patch.rotatedAt === undefined ? undefined : checkRotatedAt(patch.rotatedAt, now).toISOString();
    const fields = [...Object.keys(changes), ...(rotatedAt === undefined ? [] : ['rotated_at'])];
    if (fields.length === 0) throw new RekeyError('invalid-input', `Nothing to change for "${name}": give at least one field.`);
    const interval = typeof changes.rotate_every_days === 'number' ? changes.rotate_every_days : row.rotate_every_days;
    const facts = this.currentFacts(row.version, row.masked, rotatedAt ?? row.rotated_at, interval);

    this.db
      .transaction(() => {
        this.secrets.updateSecret(row.id, changes, now.toISOString());
        if (rotatedAt !== undefined) this.secrets.setRotatedAt(row.id, row.version, rotatedAt);
        this.secrets.setCurrent(row.id, facts, now.toISOString());
        this.integrity.sign(
          row.id,
          this.audit.append(now, 'secret.edit', row.id, { name: String(changes.name ?? row.name), fields: fields.map(camel) }),
        );
      })
      .immediate();
    return this.showById(row.id);
  }

  markExposed(name: string): SecretSummary {
    return this.setExposed(name, true);
  }

  clearExposed(name: string): SecretSummary {
    return this.setExposed(name, false);
  }

  remove(name: string): void {
    const row = this.row(name);
    const now = this.clock.now();
    this.db
      .transaction(() => {
        this.secrets.deleteSecret(row.id);
        this.audit.append(now, 'secret.delete', row.id, { name: row.name });
      })
      .immediate();
  }

  // ---- values leaving the vault (always audited) ---------------------------------------

  reveal(name: string, purpose: RevealPurpose): string {
    return this.withRevealed([this.row(name)], purpose, {}, (values) => values[0] as string);
  }

  /**
   * Decrypts, lets `use` do its work, and only if it succeeds records one audit entry per
   * secret in one transaction: a refused export is not logged as a disclosure.
   */
  withRevealed<T>(
    secrets: ReadonlyArray<{ readonly id: string; readonly name: string }>,
    purpose: RevealPurpose,
    detail: Record<string, string>,
    use: (values: string[]) => T,
  ): T {
    const result = use(secrets.map((secret) => this.decryptCurrent(secret)));
    const now = this.clock.now();
    const action = REVEAL_ACTIONS[purpose];
    this.db
      .transaction(() =>
        this.audit.appendMany(
          now,
          secrets.map((secret) => ({ action, secretId: secret.id, detail: { name: secret.name, ...detail } })),
        ),
      )
      .immediate();
    return result;
  }

  /**
   * Runs a check over decrypted values inside core and returns only its verdict, unaudited:
   * for questions like "can dotenv carry these?" whose answer holds no value. Anything that
   * hands values on goes through withRevealed.
   */
  checkValues(
    secrets: ReadonlyArray<{ readonly id: string; readonly name: string }>,
    check: (values: string[]) => string | null,
  ): string | null {
    return check(secrets.map((secret) => this.decryptCurrent(secret)));
  }

  // ---- audit ---------------------------------------------------------------------------

  auditEvents(): AuditEvent[] {
    this.unlocked();
    return this.audit.events();
  }

  verifyAudit(): AuditVerdict {
    this.unlocked();
    return this.audit.verify();
  }

  /** Every secret row, version row and the settings against their MACs (SECURITY.md). */
  verifyRecords(): IntegrityReport {
    this.unlocked();
    return this.integrity.verifyAll();
  }

  // ---- settings ------------------------------------------------------------------------

  /** Checked against their MAC: settings changed outside Rekey are not used, the defaults are. */
  settings(): Settings {
    this.unlocked();
    return this.settingsStore.read();
  }

  /** Saves a change, recorded in the audit log, and signs the full set at that entry. */
  updateSettings(patch: unknown): Settings {
    this.unlocked();
    const now = this.clock.now();
    return this.settingsStore.update(patch, (fields) => this.audit.append(now, 'vault.settings', null, { fields: [...fields] }));
  }

  /** Checks every stored version decrypts under this vault key; names the ones that don't. */
  verifyValues(): { checked: number; broken: Array<{ name: string; version: number }> } {
    return this.sealed().verifyAll();
  }

  /**
   * Every stored version, current and previous, decrypted for `use` and wiped when it
   * returns: the leak scanner's list of exact values. Nothing leaves core, so unlike
   * withRevealed this is not a disclosure and is not audited.
   */
  async withEveryValue<T>(use: (values: KnownValue[]) => Promise<T> | T): Promise<T> {
    return this.sealed().withEveryValue(use);
  }

  /** Which stored values (current or previous) equal `value`, by fingerprint. */
  whoHolds(value: string): Array<{ name: string; version: number; current: boolean }> {
    return this.secrets.namesWithFingerprint(this.sealed().fingerprint(value));
  }

  // ---- backup --------------------------------------------------------------------------

  /**
   * The whole vault as one consistent SQLite image (secrets with every kept version, metadata,
   * the audit log), with the backup itself on record in that same log.
   */
  backupImage(detail: Record<string, string>): { image: Buffer; vaultKey: string } {
    if (!this.vaultKey) throw closedError();
    const now = this.clock.now();
    this.db.transaction(() => this.audit.append(now, 'vault.backup', null, detail)).immediate();
    return { image: this.db.serialize(), vaultKey: encodeVaultKey(this.vaultKey) };
  }

  /** Appends the restore to the audit log of the vault that was just restored. */
  recordRestore(detail: Record<string, string>): void {
    this.unlocked();
    const now = this.clock.now();
    this.db.transaction(() => this.audit.append(now, 'vault.restore', null, detail)).immediate();
  }

  /** SQLite's own check of the file's structure: 'ok', or its first complaint. */
  integrityCheck(): string {
    this.unlocked();
    const rows = this.db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((row) => row.integrity_check).join('; ');
  }

  /** How much a backup of this vault carries, for the messages around it. */
  contents(): { secrets: number; versions: number; auditEntries: number } {
    this.unlocked();
    const count = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { secrets: count('secrets'), versions: count('secret_versions'), auditEntries: count('audit_events') };
  }

  // ---- internals -----------------------------------------------------------------------

  private initialise(): void {
    const keys = this.unlocked();
    const now = this.clock.now();
    this.db
      .transaction(() => {
        writeVaultIdentity(this.db, { vaultId: this.vaultId, keyCheck: keyCheckValue(keys), createdAt: now.toISOString() });
        this.audit.append(now, 'vault.init', null, { vaultId: this.vaultId, [SIGNED_FROM_CREATION]: true });
      })
      .immediate();
  }

  /** The subkeys; also the guard every method passes first, so a closed vault says so. */
  private unlocked(): VaultKeys {
    if (!this.keys) throw closedError();
    return this.keys;
  }

  private sealed(): SealedValues {
    if (!this.values) throw closedError();
    return this.values;
  }

  private row(name: string): SecretListRow {
    this.unlocked();
    const row = this.secrets.findByName(name);
    if (!row) throw new RekeyError('not-found', `No secret named "${name}". \`rekey list\` shows the names.`);
    return row;
  }

  /** A row Rekey may change: it and its versions hold, so re-signing it blesses nothing planted. */
  private trustedRow(name: string): SecretListRow {
    const row = this.row(name);
    const problem = this.integrity.secretProblem(row);
    if (problem) throw changedOutsideRekey(row.name, problem);
    return row;
  }

  /** The value of the version the MAC'd row names as current, once the row and that version hold. */
  private decryptCurrent(secret: { readonly id: string; readonly name: string }): string {
    const values = this.sealed();
    const row = this.secrets.findById(secret.id);
    if (!row) throw new RekeyError('not-found', `No secret named "${secret.name}". \`rekey list\` shows the names.`);
    const checked = this.integrity.checkForValue(row);
    if (!checked.ok) throw changedOutsideRekey(row.name, checked.reason);
    return values.decrypt(row, checked.sealed);
  }

  private showById(id: string): SecretSummary {
    const row = this.secrets.findById(id);
    if (!row) throw new RekeyError('not-found', 'The secret disappeared while it was being changed.');
    return summarise(row, this.judge(), this.integrity.isAltered(row));
  }

  private judge() {
    this.unlocked();
    return statusJudge(this.clock.now(), this.leadDays ?? this.settingsStore.read().leadDays);
  }

  private currentFacts(version: number, masked: string, rotatedAt: string, rotateEveryDays: number) {
    return { version, masked, rotatedAt, dueAt: dueDate(new Date(rotatedAt), rotateEveryDays).toISOString() };
  }

  private setExposed(name: string, exposed: boolean): SecretSummary {
    const row = this.trustedRow(name);
    const now = this.clock.now();
    this.db
      .transaction(() => {
        this.secrets.updateSecret(row.id, { exposed_at: exposed ? now.toISOString() : null }, now.toISOString());
        this.integrity.sign(row.id, this.audit.append(now, exposed ? 'secret.expose' : 'secret.unexpose', row.id, { name: row.name }));
      })
      .immediate();
    return this.show(name);
  }
}

/**
 * Sets, changes or removes the master password: the vault key is read (asking for the current
 * password when there is one), checked against the vault, and written back wrapped under the new
 * password, or bare. Recorded in the audit log (never the password).
 */
export async function changeMasterPassword(options: VaultOptions, next: string | null): Promise<MasterPasswordChange> {
  if (next !== null) checkMasterPassword(next);
  const path = vaultDatabasePath(options.home);
  if (!existsSync(path))
    throw new RekeyError('not-initialised', `No vault at ${path}. Run \`rekey init\` to create one (or set REKEY_HOME).`);
  const db = openDatabase(path, { create: false });
  try {
    const identity = readVaultIdentity(db, path);
    const unlocked = await unlockVaultKey(db, path, identity, options);
    try {
      if (!unlocked.hadPassword && next === null) throw new RekeyError('invalid-input', 'This vault has no master password to remove.');
      const item =
        next === null
          ? encodeVaultKey(unlocked.vaultKey)
          : await wrapVaultKey(unlocked.vaultKey, next, identity.vaultId, newKdfParams(options.kdfCost));
      await options.keyStore.set(vaultKeyAccount(identity.vaultId), item);
      const change: MasterPasswordChange = next === null ? 'remove' : unlocked.hadPassword ? 'change' : 'set';
      const audit = new AuditLog(db, unlocked.keys.audit);
      const now = (options.clock ?? systemClock).now();
      db.transaction(() => audit.append(now, `vault.password-${change}`, null, {})).immediate();
      return change;
    } finally {
      wipeUnlocked(unlocked);
    }
  } finally {
    db.close();
  }
}

/** Whether opening this vault will need the master password (one keychain read, no KDF). */
export async function hasMasterPassword(options: Pick<VaultOptions, 'home' | 'keyStore'>): Promise<boolean> {
  const path = vaultDatabasePath(options.home);
  if (!existsSync(path)) return false;
  const db = openDatabase(path, { create: false });
  try {
    const vaultId = readVaultId(db);
    if (vaultId === undefined) return false;
    return isWrappedVaultKey((await options.keyStore.get(vaultKeyAccount(vaultId))) ?? '');
  } finally {
    db.close();
  }
}

function closedError(): RekeyError {
  return new RekeyError('vault-closed', 'The vault is closed.');
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
