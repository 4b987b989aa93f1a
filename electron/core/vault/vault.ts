import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { differenceInCalendarDays, addDays } from 'date-fns';
import { AuditLog, type AuditAction, type AuditEvent, type AuditVerdict } from '../audit/index.js';
import { type Clock, systemClock } from '../clock.js';
import {
  type VaultKeys,
  decodeVaultKey,
  deriveVaultKeys,
  encodeVaultKey,
  fingerprintValue,
  keyCheckMatches,
  keyCheckValue,
  isWrappedVaultKey,
  newKdfParams,
  newVaultKey,
  unwrapVaultKey,
  wrapVaultKey,
  wrappedKdfParams,
  open,
  seal,
  secretAssociatedData,
  wipeVaultKeys,
} from '../crypto/index.js';
import { RekeyError } from '../errors.js';
import type { KnownValue } from '../scan/known-values.js';
import { type KeyStore, vaultKeyAccount } from '../keychain/index.js';
import { GENERIC_PROVIDER_ID, checkFormat, detectProvider, findProvider, maskValue } from '../providers/index.js';
import { DEFAULT_LEAD_DAYS, DEFAULT_ROTATE_EVERY_DAYS, type RotationStatus, dueDate, statusJudge } from '../rotation/index.js';
import type { Settings } from '../settings/settings.js';
import { SettingsStore } from '../settings/settings-store.js';
import { type IntegrityReport, RecordIntegrity, SIGNED_FROM_CREATION, changedOutsideRekey } from '../store/record-integrity.js';
import { RecordMac } from '../store/record-mac.js';
import { type Database, openDatabase } from '../store/database.js';
import { type NewVersion, type SecretChanges, type SecretListRow, SecretRepository } from '../store/secret-repository.js';
import {
  checkRotatedAt,
  envVarFromName,
  envVarSchema,
  notesSchema,
  parseField,
  projectSchema,
  rotateEveryDaysSchema,
  secretNameSchema,
} from './secret-fields.js';
import { type SecretSummary, type VersionSummary, byUrgency, summarise, summariseVersion } from './secret-summary.js';
import { checkSecretValue } from './secret-value.js';
import { vaultDatabasePath } from './vault-paths.js';
import { UnlockThrottle, seconds } from './unlock-throttle.js';
import { checkMasterPassword } from './master-password.js';

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
  /** scrypt cost for wrapping; tests pass a cheap one. An older, weaker wrap is raised on unlock. */
  readonly kdfCost?: { N: number; r: number; p: number } | undefined;
}

export interface NewSecret {
  readonly name: string;
  readonly envVar?: string | undefined;
  readonly project?: string | undefined;
  readonly provider?: string | undefined;
  readonly rotateEveryDays?: number | undefined;
  readonly rotatedAt?: Date | undefined;
  readonly notes?: string | undefined;
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

const META = { vaultId: 'vault_id', keyCheck: 'key_check', createdAt: 'created_at' } as const;

/**
 * The vault: one SQLite file of metadata and sealed values, one vault key in the OS
 * keychain. Every change and its audit entry commit in one transaction.
 */
export class Vault {
  private readonly secrets: SecretRepository;
  private readonly audit: AuditLog;
  private readonly clock: Clock;
  private readonly leadDays: number | undefined;
  private readonly settingsStore: SettingsStore;
  private readonly integrity: RecordIntegrity;
  private keys: VaultKeys | null;
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
    this.audit = new AuditLog(db, keys.audit);
    const recordMac = new RecordMac(keys.records);
    const audit = this.audit;
    this.settingsStore = new SettingsStore(db, {
      mac: recordMac,
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
      const meta = db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>;
      const read = (key: string) => meta.find((row) => row.key === key)?.value;
      const vaultId = read(META.vaultId);
      const keyCheck = read(META.keyCheck);
      if (vaultId === undefined || keyCheck === undefined) {
        throw new RekeyError('integrity', `The vault at ${path} is incomplete (its identity record is missing).`);
      }
      const vaultKey = await readVaultKey(db, path, vaultId, options);
      const keys = vaultKey && deriveVaultKeys(vaultKey, vaultId);
      try {
        if (!vaultKey || !keys || !keyCheckMatches(keys, keyCheck)) {
          throw new RekeyError(
            'wrong-vault-key',
            `The vault key in the ${options.keyStore.description} does not belong to the vault at ${path}.`,
          );
        }
        const vault = new Vault(db, keys, vaultKey, vaultId, path, options);
        // trust on upgrade: a vault from before record MACs is signed once (SECURITY.md)
        vault.integrity.signUpgradedVault(vault.clock.now());
        return vault;
      } finally {
        vaultKey?.fill(0);
      }
    } catch (error) {
      db.close();
      throw error;
    }
  }

  close(): void {
    if (this.keys) wipeVaultKeys(this.keys);
    this.keys = null;
    this.vaultKey?.fill(0);
    this.vaultKey = null;
    if (this.db.open) this.db.close();
  }

  // ---- reading metadata (never decrypts) ------------------------------------------------

  list(filter: ListFilter = {}): SecretSummary[] {
    const judge = this.judge();
    // the window's first screen of a big vault: let SQLite pick those rows
    const rows =
      filter.limit !== undefined && filter.status === undefined ? this.secrets.mostUrgent(filter.limit, filter.project) : this.secrets.list(filter.project);
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
    const prepared = items.map(({ input, value }) => this.prepareNew(input, value, now, userDefault));
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
          const version = this.sealVersion(id, 1, item.value, item.fingerprint, item.rotatedAt.toISOString(), stamp, item.provider);
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
    const fingerprint = fingerprintValue(this.unlocked(), value);
    const reused = this.secrets.namesWithFingerprint(fingerprint);
    if (reused.some((hit) => hit.name === row.name)) {
      warnings.push(`"${row.name}" held this same value before; a rotation normally brings a new value.`);
    }
    const version = this.sealVersion(row.id, row.version + 1, value, fingerprint, stamp, stamp, row.provider);
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
    const restored = this.secrets.sealedVersion(row.id, previous.version);
    const plain = restored && open(this.unlocked().encryption, restored, secretAssociatedData(row.id, previous.version));
    if (!plain) {
      throw new RekeyError(
        'integrity',
        `Cannot undo the rotation of "${name}": its previous value (version ${previous.version}) failed its integrity check. The current value was kept.`,
      );
    }
    plain.fill(0);
    this.db
      .transaction(() => {
        this.secrets.deleteVersion(row.id, current.version);
        this.secrets.restoreVersion(row.id, previous.version);
        const facts = this.currentFacts(previous.version, previous.masked, previous.rotated_at, row.rotate_every_days);
        this.secrets.setCurrent(row.id, facts, now.toISOString());
        this.integrity.sign(row.id, this.audit.append(now, 'secret.undo-rotate', row.id, { name: row.name, restoredVersion: previous.version }));
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
    if (patch.provider !== undefined) changes.provider = this.knownProvider(patch.provider).id;
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
        this.integrity.sign(row.id, this.audit.append(now, 'secret.edit', row.id, { name: String(changes.name ?? row.name), fields: fields.map(camel) }));
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
    const values = secrets.map((secret) => this.decryptCurrent(secret));
    const result = use(values);
    const now = this.clock.now();
    const action = REVEAL_ACTIONS[purpose];
    this.db
      .transaction(() => this.audit.appendMany(now, secrets.map((secret) => ({ action, secretId: secret.id, detail: { name: secret.name, ...detail } }))))
      .immediate();
    return result;
  }

  /**
   * Runs a check over decrypted values inside core and returns only its verdict, unaudited:
   * for questions like "can dotenv carry these?" whose answer holds no value. Anything that
   * hands values on goes through withRevealed.
   */
  checkValues(secrets: ReadonlyArray<{ readonly id: string; readonly name: string }>, check: (values: string[]) => string | null): string | null {
    return check(secrets.map((secret) => this.decryptCurrent(secret)));
  }

  // ---- audit ---------------------------------------------------------------------------

  auditEvents(): AuditEvent[] {
    return this.audit.events();
  }

  verifyAudit(): AuditVerdict {
    return this.audit.verify();
  }

  /** Every secret row, version row and the settings against their MACs (SECURITY.md). */
  verifyRecords(): IntegrityReport {
    return this.integrity.verifyAll();
  }

  // ---- settings ------------------------------------------------------------------------

  /** Checked against their MAC: settings changed outside Rekey are not used, the defaults are. */
  settings(): Settings {
    return this.settingsStore.read();
  }

  /** Saves a change, recorded in the audit log, and signs the full set at that entry. */
  updateSettings(patch: unknown): Settings {
    const now = this.clock.now();
    return this.settingsStore.update(patch, (fields) => this.audit.append(now, 'vault.settings', null, { fields: [...fields] }));
  }

  /** Checks every stored version decrypts under this vault key; names the ones that don't. */
  verifyValues(): { checked: number; broken: Array<{ name: string; version: number }> } {
    const keys = this.unlocked();
    const broken: Array<{ name: string; version: number }> = [];
    let checked = 0;
    for (const row of this.secrets.everySealedVersion()) {
      checked++;
      const plain = open(keys.encryption, row, secretAssociatedData(row.secret_id, row.version));
      if (plain === null) broken.push({ name: row.name, version: row.version });
      plain?.fill(0);
    }
    return { checked, broken };
  }

  /**
   * Every stored version, current and previous, decrypted for `use` and wiped when it
   * returns: the leak scanner's list of exact values. Nothing leaves core, so unlike
   * withRevealed this is not a disclosure and is not audited.
   */
  async withEveryValue<T>(use: (values: KnownValue[]) => Promise<T> | T): Promise<T> {
    const keys = this.unlocked();
    const values: KnownValue[] = [];
    try {
      for (const row of this.secrets.everySealedVersion()) {
        const plain = open(keys.encryption, row, secretAssociatedData(row.secret_id, row.version));
        if (plain === null) {
          throw new RekeyError('integrity', `The stored value of "${row.name}" (version ${row.version}) failed its integrity check; \`rekey audit verify\` lists every such value.`);
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

  /** Which stored values (current or previous) equal `value`, by fingerprint. */
  whoHolds(value: string): Array<{ name: string; version: number; current: boolean }> {
    return this.secrets.namesWithFingerprint(fingerprintValue(this.unlocked(), value));
  }

  // ---- backup --------------------------------------------------------------------------

  /**
   * The whole vault as one consistent SQLite image (secrets with every kept version, metadata,
   * the audit log), with the backup itself on record in that same log.
   */
  backupImage(detail: Record<string, string>): { image: Buffer; vaultKey: string } {
    if (!this.vaultKey) throw new RekeyError('invalid-input', 'The vault is closed.');
    const now = this.clock.now();
    this.db.transaction(() => this.audit.append(now, 'vault.backup', null, detail)).immediate();
    return { image: this.db.serialize(), vaultKey: encodeVaultKey(this.vaultKey) };
  }

  /** Appends the restore to the audit log of the vault that was just restored. */
  recordRestore(detail: Record<string, string>): void {
    const now = this.clock.now();
    this.db.transaction(() => this.audit.append(now, 'vault.restore', null, detail)).immediate();
  }

  /** SQLite's own check of the file's structure: 'ok', or its first complaint. */
  integrityCheck(): string {
    const rows = this.db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((row) => row.integrity_check).join('; ');
  }

  /** How much a backup of this vault carries, for the messages around it. */
  contents(): { secrets: number; versions: number; auditEntries: number } {
    const count = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { secrets: count('secrets'), versions: count('secret_versions'), auditEntries: count('audit_events') };
  }

  // ---- internals -----------------------------------------------------------------------

  private initialise(): void {
    const keys = this.unlocked();
    const now = this.clock.now();
    this.db
      .transaction(() => {
        const put = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        put.run(META.vaultId, this.vaultId);
        put.run(META.keyCheck, keyCheckValue(keys));
        put.run(META.createdAt, now.toISOString());
        this.audit.append(now, 'vault.init', null, { vaultId: this.vaultId, [SIGNED_FROM_CREATION]: true });
      })
      .immediate();
  }

  private unlocked(): VaultKeys {
    if (!this.keys) throw new RekeyError('invalid-input', 'The vault is closed.');
    return this.keys;
  }

  private row(name: string): SecretListRow {
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

  private showById(id: string): SecretSummary {
    const row = this.secrets.findById(id);
    if (!row) throw new RekeyError('not-found', 'The secret disappeared while it was being changed.');
    return summarise(row, this.judge(), this.integrity.isAltered(row));
  }

  private judge() {
    return statusJudge(this.clock.now(), this.leadDays ?? this.settingsStore.read().leadDays ?? DEFAULT_LEAD_DAYS);
  }

  private currentFacts(version: number, masked: string, rotatedAt: string, rotateEveryDays: number) {
    return { version, masked, rotatedAt, dueAt: dueDate(new Date(rotatedAt), rotateEveryDays).toISOString() };
  }

  /** A provider's own interval (AWS: 60) wins; otherwise the user's default from settings. */
  private defaultInterval(providerDefault: number, userDefault: number): number {
    return providerDefault === DEFAULT_ROTATE_EVERY_DAYS ? userDefault : providerDefault;
  }

  private knownProvider(id: string) {
    const provider = findProvider(id);
    if (!provider) {
      // checkFormat names the valid ids in its error
      checkFormat(id, '');
      throw new RekeyError('invalid-input', `Unknown provider "${id}".`);
    }
    return provider;
  }

  private prepareNew(input: NewSecret, value: string, now: Date, userDefault: number) {
    const name = parseField(secretNameSchema, input.name, 'name');
    checkSecretValue(value, `"${name}"`);
    const warnings: string[] = [];
    let provider;
    if (input.provider !== undefined) {
      provider = this.knownProvider(input.provider);
      const formatWarning = checkFormat(provider.id, value);
      if (formatWarning) warnings.push(formatWarning);
    } else {
      provider = detectProvider(value);
    }
    const envVar = parseField(envVarSchema, input.envVar ?? provider.suggestedEnvVar ?? envVarFromName(name), 'env var name');
    return {
      name,
      value,
      warnings,
      provider: provider.id,
      envVar,
      project: parseField(projectSchema, input.project ?? '', 'project'),
      notes: parseField(notesSchema, input.notes ?? '', 'notes'),
      rotateEveryDays: parseField(rotateEveryDaysSchema, input.rotateEveryDays ?? this.defaultInterval(provider.defaultRotateEveryDays, userDefault), 'rotation interval'),
      rotatedAt: input.rotatedAt === undefined ? now : checkRotatedAt(input.rotatedAt, now),
      fingerprint: fingerprintValue(this.unlocked(), value),
    };
  }

  private sealVersion(
    secretId: string,
    version: number,
    value: string,
    fingerprint: Buffer,
    rotatedAt: string,
    createdAt: string,
    providerId: string,
  ): NewVersion {
    const plaintext = Buffer.from(value, 'utf8');
    const sealed = seal(this.unlocked().encryption, plaintext, secretAssociatedData(secretId, version));
    plaintext.fill(0);
    const masked = maskValue(value, providerId === GENERIC_PROVIDER_ID ? undefined : providerId);
    return { secretId, version, ...sealed, fingerprint, masked, rotatedAt, createdAt };
  }

  /** Reads the version the MAC'd row names as current, once the row and that version hold. */
  private decryptCurrent(secret: { readonly id: string; readonly name: string }): string {
    const row = this.secrets.findById(secret.id);
    if (!row) throw new RekeyError('not-found', `No secret named "${secret.name}". \`rekey list\` shows the names.`);
    const checked = this.integrity.checkForValue(row);
    if (!checked.ok) throw changedOutsideRekey(row.name, checked.reason);
    const sealed = checked.sealed;
    const plain = open(this.unlocked().encryption, sealed, secretAssociatedData(secret.id, sealed.version));
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
 * One keychain read. A wrapped key needs the master password: the throttle is checked before
 * the password is asked for, a wrong one is counted, and a wrap weaker than today's cost is
 * raised while the key is at hand.
 */
async function readVaultKey(db: Database, path: string, vaultId: string, options: VaultOptions): Promise<Buffer | null> {
  const account = vaultKeyAccount(vaultId);
  const stored = await options.keyStore.get(account);
  if (stored === null) {
    throw new RekeyError(
      'keychain-key-missing',
      `The vault key for ${path} is not in the ${options.keyStore.description} (account ${account}). ` +
        'Without it the stored values cannot be decrypted; restore the keychain item, or move the vault aside and run `rekey init`.',
    );
  }
  if (!isWrappedVaultKey(stored)) return decodeVaultKey(stored);
  if (!options.askPassword) throw new RekeyError('password-required', 'This vault is locked with a master password; it is needed to open it.');
  const throttle = new UnlockThrottle(db, options.clock ?? systemClock);
  throttle.check();
  const password = await options.askPassword();
  const unwrapped = await unwrapVaultKey(stored, password, vaultId);
  if (!unwrapped.ok) {
    if (unwrapped.reason === 'damaged') return null;
    const wait = throttle.recordFailure();
    throw new RekeyError('wrong-password', wait > 0 ? `Wrong master password. Try again in ${seconds(wait)}.` : 'Wrong master password.');
  }
  throttle.reset();
  const cost = options.kdfCost;
  const params = wrappedKdfParams(stored);
  if (cost && params && (params.N < cost.N || params.r < cost.r || params.p < cost.p)) {
    await options.keyStore.set(account, await wrapVaultKey(unwrapped.vaultKey, password, vaultId, newKdfParams(cost)));
  }
  return unwrapped.vaultKey;
}

export type MasterPasswordChange = 'set' | 'change' | 'remove';

/**
 * Sets, changes or removes the master password: the vault key is read (asking for the current
 * password when there is one), checked against the vault, and written back wrapped under the new
 * password, or bare. Recorded in the audit log (never the password).
 */
export async function changeMasterPassword(options: VaultOptions, next: string | null): Promise<MasterPasswordChange> {
  if (next !== null) checkMasterPassword(next);
  const path = vaultDatabasePath(options.home);
  if (!existsSync(path)) throw new RekeyError('not-initialised', `No vault at ${path}. Run \`rekey init\` to create one (or set REKEY_HOME).`);
  const db = openDatabase(path, { create: false });
  try {
    const read = (key: string) => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
    const vaultId = read(META.vaultId);
    const keyCheck = read(META.keyCheck);
    if (vaultId === undefined || keyCheck === undefined) throw new RekeyError('integrity', `The vault at ${path} is incomplete (its identity record is missing).`);
    const account = vaultKeyAccount(vaultId);
    const had = isWrappedVaultKey((await options.keyStore.get(account)) ?? '');
    if (!had && next === null) throw new RekeyError('invalid-input', 'This vault has no master password to remove.');
    const vaultKey = await readVaultKey(db, path, vaultId, options);
    const keys = vaultKey && deriveVaultKeys(vaultKey, vaultId);
    try {
      if (!vaultKey || !keys || !keyCheckMatches(keys, keyCheck)) {
        throw new RekeyError('wrong-vault-key', `The vault key in the ${options.keyStore.description} does not belong to the vault at ${path}.`);
      }
      const item = next === null ? encodeVaultKey(vaultKey) : await wrapVaultKey(vaultKey, next, vaultId, newKdfParams(options.kdfCost));
      await options.keyStore.set(account, item);
      const change: MasterPasswordChange = next === null ? 'remove' : had ? 'change' : 'set';
      const audit = new AuditLog(db, keys.audit);
      const now = (options.clock ?? systemClock).now();
      db.transaction(() => audit.append(now, `vault.password-${change}`, null, {})).immediate();
      return change;
    } finally {
      vaultKey?.fill(0);
      if (keys) wipeVaultKeys(keys);
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
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(META.vaultId) as { value: string } | undefined;
    if (row === undefined) return false;
    return isWrappedVaultKey((await options.keyStore.get(vaultKeyAccount(row.value))) ?? '');
  } finally {
    db.close();
  }
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
