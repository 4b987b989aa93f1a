import type { Database } from 'better-sqlite3';
import { NO_MEMORY, type NoticeKind, type ReminderMemory } from './reminder-engine.js';

interface Row {
  secret_id: string;
  last_kind: string | null;
  last_due_at: string | null;
  last_exposed_at: string | null;
  last_notified_at: string | null;
  snoozed_until: string | null;
  lead_days: number | null;
}

const KINDS = new Set<string>(['due-soon', 'due', 'overdue', 'exposed']);

/** The reminder engine's memory in SQLite: one row per key it has spoken about or that has overrides. */
export class ReminderStore {
  constructor(private readonly db: Database) {}

  all(): Map<string, ReminderMemory> {
    const rows = this.db.prepare('SELECT * FROM reminder_state').all() as Row[];
    return new Map(rows.map((row) => [row.secret_id, fromRow(row)]));
  }

  get(secretId: string): ReminderMemory {
    const row = this.db.prepare('SELECT * FROM reminder_state WHERE secret_id = ?').get(secretId) as Row | undefined;
    return row ? fromRow(row) : NO_MEMORY;
  }

  /** One transaction: a crash between two keys never leaves half a check recorded. */
  save(memories: ReadonlyMap<string, ReminderMemory>): void {
    const put = this.db.prepare(
      `INSERT INTO reminder_state (secret_id, last_kind, last_due_at, last_exposed_at, last_notified_at, snoozed_until, lead_days)
       VALUES (@secret_id, @last_kind, @last_due_at, @last_exposed_at, @last_notified_at, @snoozed_until, @lead_days)
       ON CONFLICT(secret_id) DO UPDATE SET last_kind = excluded.last_kind, last_due_at = excluded.last_due_at,
         last_exposed_at = excluded.last_exposed_at, last_notified_at = excluded.last_notified_at,
         snoozed_until = excluded.snoozed_until, lead_days = excluded.lead_days`,
    );
    this.db
      .transaction(() => {
        for (const [secretId, memory] of memories) put.run(toRow(secretId, memory));
      })
      .immediate();
  }
}

function fromRow(row: Row): ReminderMemory {
  return {
    lastKind: row.last_kind !== null && KINDS.has(row.last_kind) ? (row.last_kind as NoticeKind) : null,
    lastDueAt: row.last_due_at,
    lastExposedAt: row.last_exposed_at,
    lastNotifiedAt: row.last_notified_at,
    snoozedUntil: row.snoozed_until,
    leadDays: row.lead_days,
  };
}

function toRow(secretId: string, memory: ReminderMemory): Row {
  return {
    secret_id: secretId,
    last_kind: memory.lastKind,
    last_due_at: memory.lastDueAt,
    last_exposed_at: memory.lastExposedAt,
    last_notified_at: memory.lastNotifiedAt,
    snoozed_until: memory.snoozedUntil,
    lead_days: memory.leadDays,
  };
}
