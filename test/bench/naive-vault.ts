import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
import { DEFAULT_LEAD_DAYS, type KeyStore, type NewSecret, dotenv, dueDate, providers, statusJudge } from '../../electron/core/index.js';
import type { SecretListRow } from '../../electron/core/store/secret-repository.js';
import { type SecretSummary, byUrgency, summarise } from '../../electron/core/vault/secret-summary.js';

/*
 * The design docs/architecture.md §2 rejects, built only to be measured against: one OS keychain
 * item per secret (account = secret id), metadata in SQLite. No encryption layer (the
 * keychain holds the values), no versions, no audit log. The masked form is stored at add
 * time, like Rekey does, so listing needs no keychain read: the fairer choice, because the
 * alternative (a keychain read per listed secret) would only make the naive side slower.
 */

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS secrets (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE,
    env_var           TEXT NOT NULL,
    provider          TEXT NOT NULL,
    project           TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    rotate_every_days INTEGER NOT NULL,
    masked            TEXT NOT NULL,
    rotated_at        TEXT NOT NULL,
    due_at            TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    exposed_at        TEXT
  ) STRICT;
  CREATE INDEX IF NOT EXISTS secrets_by_project ON secrets(project);
`;

const LIST_COLUMNS = `id, name, env_var, provider, project, notes, rotate_every_days, created_at, updated_at,
  exposed_at, 1 AS version, masked, rotated_at, due_at`;

type InsertRow = Omit<SecretListRow, 'version' | 'mac' | 'mac_seq'>;

export interface NaiveItem {
  readonly input: NewSecret;
  readonly value: string;
}

export class NaiveVault {
  private readonly listAll: Statement<[], SecretListRow>;
  private readonly listByProject: Statement<[string], SecretListRow>;
  private readonly idByName: Statement<[string], { id: string }>;
  private readonly insert: Statement<[InsertRow]>;

  private constructor(
    private readonly db: Database,
    private readonly keyStore: KeyStore,
  ) {
    this.listAll = db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets`);
    this.listByProject = db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets WHERE project = ?`);
    this.idByName = db.prepare('SELECT id FROM secrets WHERE name = ?');
    this.insert = db.prepare(`INSERT INTO secrets
      (id, name, env_var, provider, project, notes, rotate_every_days, masked, rotated_at, due_at, created_at, updated_at, exposed_at)
      VALUES (@id, @name, @env_var, @provider, @project, @notes, @rotate_every_days, @masked, @rotated_at, @due_at, @created_at, @updated_at, @exposed_at)`);
  }

  static create(home: string, keyStore: KeyStore): NaiveVault {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    const db = NaiveVault.connect(join(home, 'naive.db'), true);
    db.exec(SCHEMA);
    return new NaiveVault(db, keyStore);
  }

  /** The same SQLite settings as Rekey's openDatabase, so only the design differs. */
  static open(home: string, keyStore: KeyStore): NaiveVault {
    const path = join(home, 'naive.db');
    if (!existsSync(path)) throw new Error(`no naive vault at ${path}`);
    return new NaiveVault(NaiveVault.connect(path, false), keyStore);
  }

  private static connect(path: string, create: boolean): Database {
    const db = new Sqlite(path, { fileMustExist: !create });
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return db;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * One keychain item per value, then every metadata row in one transaction. The two can
   * never commit together: a failure in between leaves keychain items without metadata.
   * `written` receives each account as soon as it exists, so the caller can clean up.
   */
  async addMany(items: readonly NaiveItem[], written: string[]): Promise<void> {
    const now = new Date();
    const rows: InsertRow[] = [];
    for (const { input, value } of items) {
      const id = randomUUID();
      const row = this.row(id, input, value, now);
      await this.keyStore.set(id, value);
      written.push(id);
      rows.push(row);
    }
    this.insertRows(rows);
  }

  /**
   * Bench scaffolding, not part of the design: metadata rows whose keychain items were never
   * written, so listing can be measured on the full count when writing every item would take
   * too long. Nothing may reveal or export these rows.
   */
  addMetadataOnly(items: readonly NaiveItem[]): void {
    const now = new Date();
    this.insertRows(items.map(({ input, value }) => this.row(randomUUID(), input, value, now)));
  }

  /** The same summaries and order as Rekey's list, computed from the same rows. */
  list(project?: string): SecretSummary[] {
    const now = new Date();
    const rows = project === undefined ? this.listAll.all() : this.listByProject.all(project);
    const judge = statusJudge(now, DEFAULT_LEAD_DAYS);
    return rows.map((row) => summarise(row, judge)).sort(byUrgency);
  }

  async reveal(name: string): Promise<string> {
    const row = this.idByName.get(name);
    if (!row) throw new Error(`no secret named ${name}`);
    return this.read(row.id, name);
  }

  /** One keychain read per exported value, in env-var order like Rekey's export. */
  async exportProject(project: string, format: dotenv.ExportFormat): Promise<string> {
    const secrets = this.list(project).sort((a, b) => (a.envVar < b.envVar ? -1 : a.envVar > b.envVar ? 1 : 0));
    const entries: dotenv.ExportEntry[] = [];
    for (const secret of secrets) {
      entries.push({ name: secret.name, envVar: secret.envVar, value: await this.read(secret.id, secret.name) });
    }
    return dotenv.serialise(entries, format);
  }

  private row(id: string, input: NewSecret, value: string, now: Date): InsertRow {
    const provider = providers.findProvider(input.provider ?? providers.detectProvider(value).id);
    if (!provider) throw new Error(`unknown provider ${String(input.provider)}`);
    const stamp = now.toISOString();
    const rotatedAt = input.rotatedAt ?? now;
    const rotateEveryDays = input.rotateEveryDays ?? provider.defaultRotateEveryDays ?? 90;
    return {
      id,
      name: input.name,
      env_var: input.envVar ?? input.name,
      provider: provider.id,
      project: input.project ?? '',
      notes: input.notes ?? '',
      rotate_every_days: rotateEveryDays,
      masked: providers.maskValue(value, provider.id === providers.GENERIC_PROVIDER_ID ? undefined : provider.id),
      rotated_at: rotatedAt.toISOString(),
      due_at: dueDate(rotatedAt, rotateEveryDays).toISOString(),
      created_at: stamp,
      updated_at: stamp,
      exposed_at: null,
    };
  }

  private insertRows(rows: readonly InsertRow[]): void {
    this.db
      .transaction(() => {
        for (const row of rows) this.insert.run(row);
      })
      .immediate();
  }

  private async read(id: string, name: string): Promise<string> {
    const value = await this.keyStore.get(id);
    if (value === null) throw new Error(`the keychain item of ${name} is missing`);
    return value;
  }
}
