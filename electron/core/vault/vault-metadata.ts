import { existsSync } from 'node:fs';
import { type Clock, systemClock } from '../clock.js';
import { RekeyError } from '../errors.js';
import type { SnoozeChoice } from '../reminders/reminder-choices.js';
import { type Notice, type ReminderMemory, decideReminders, snoozeUntil } from '../reminders/reminder-engine.js';
import { ReminderStore } from '../reminders/reminder-store.js';
import { type RotationStatus, statusJudge } from '../rotation/index.js';
import { type Settings, SettingsStore } from '../settings/index.js';
import { type Database, openDatabase } from '../store/database.js';
import { SecretRepository } from '../store/secret-repository.js';
import { type SecretSummary, byUrgency, summarise } from './secret-summary.js';
import { vaultDatabasePath } from './vault-paths.js';

export interface ReminderCheck {
  readonly notices: Notice[];
  /** Keys due soon, overdue or exposed right now: the tray's number. */
  readonly attention: SecretSummary[];
}

export interface KeyReminders {
  readonly snoozedUntil: string | null;
  readonly leadDays: number | null;
}

/**
 * The part of the vault that needs no vault key: names, due dates, settings and reminder state
 * are stored in clear (values are not), so reminders keep coming and `rekey due` works while the
 * vault is locked with a master password.
 */
export class VaultMetadata {
  private readonly secrets: SecretRepository;
  private readonly settingsStore: SettingsStore;
  private readonly reminders: ReminderStore;

  private constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.secrets = new SecretRepository(db);
    this.settingsStore = new SettingsStore(db);
    this.reminders = new ReminderStore(db);
  }

  static open(home: string, clock: Clock = systemClock): VaultMetadata {
    const path = vaultDatabasePath(home);
    if (!existsSync(path))
      throw new RekeyError('not-initialised', `No vault at ${path}. Run \`rekey init\` to create one (or set REKEY_HOME).`);
    return new VaultMetadata(openDatabase(path, { create: false }), clock);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * As stored: without the vault key their MAC cannot be checked (Vault.settings() checks it).
   * Saving needs the key too (Vault.updateSettings), so there is no update here.
   */
  settings(): Settings {
    return this.settingsStore.read();
  }

  /** Metadata only, most urgent first: what `rekey due` and the tray show. */
  list(filter: { project?: string | undefined; status?: RotationStatus | undefined; leadDays?: number | undefined } = {}): SecretSummary[] {
    const judge = statusJudge(this.clock.now(), filter.leadDays ?? this.settings().leadDays);
    const all = this.secrets.list(filter.project).map((row) => summarise(row, judge));
    return (filter.status === undefined ? all : all.filter((secret) => secret.status === filter.status)).sort(byUrgency);
  }

  /** Runs the reminder engine and records what it decided in the same call. */
  checkReminders(): ReminderCheck {
    const now = this.clock.now();
    const settings = this.settings();
    const rows = this.secrets.list();
    const decision = decideReminders(
      now,
      rows.map((row) => ({
        id: row.id,
        name: row.name,
        dueAt: new Date(row.due_at),
        exposedAt: row.exposed_at === null ? null : new Date(row.exposed_at),
      })),
      settings,
      this.reminders.all(),
    );
    this.reminders.save(decision.remember);
    const judge = statusJudge(now, settings.leadDays);
    const attention = rows
      .map((row) => summarise(row, judge))
      .filter((secret) => secret.status !== 'ok')
      .sort(byUrgency);
    return { notices: decision.notices, attention };
  }

  keyReminders(name: string): KeyReminders {
    const memory = this.reminders.get(this.id(name));
    return { snoozedUntil: this.activeSnooze(memory), leadDays: memory.leadDays };
  }

  /** Per-key snooze ('none' ends one) and lead-time override (null: the default). */
  setKeyReminders(
    name: string,
    change: { snooze?: SnoozeChoice | 'none' | undefined; leadDays?: number | null | undefined },
  ): KeyReminders {
    const id = this.id(name);
    const memory = this.reminders.get(id);
    let next: ReminderMemory = memory;
    if (change.snooze !== undefined)
      next = { ...next, snoozedUntil: change.snooze === 'none' ? null : snoozeUntil(this.clock.now(), change.snooze).toISOString() };
    if (change.leadDays !== undefined) next = { ...next, leadDays: change.leadDays };
    this.reminders.save(new Map([[id, next]]));
    return { snoozedUntil: this.activeSnooze(next), leadDays: next.leadDays };
  }

  private activeSnooze(memory: ReminderMemory): string | null {
    return memory.snoozedUntil !== null && new Date(memory.snoozedUntil) > this.clock.now() ? memory.snoozedUntil : null;
  }

  private id(name: string): string {
    const row = this.secrets.findByName(name);
    if (!row) throw new RekeyError('not-found', `No secret named "${name}". \`rekey list\` shows the names.`);
    return row.id;
  }
}
