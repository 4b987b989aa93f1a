import type { Database, Statement } from 'better-sqlite3';
import { type AuditHead, type AuditVerdict, type ChainedAuditRecord, GENESIS_MAC, chainMac, headMac, verifyChain } from './audit-chain.js';

export type AuditAction =
  | 'vault.init'
  | 'vault.password-set'
  | 'vault.password-change'
  | 'vault.password-remove'
  | 'vault.backup'
  | 'vault.restore'
  | 'vault.settings'
  | 'vault.records-signed'
  | 'secret.add'
  | 'secret.edit'
  | 'secret.rotate'
  | 'secret.undo-rotate'
  | 'secret.expose'
  | 'secret.unexpose'
  | 'secret.delete'
  | 'secret.reveal'
  | 'secret.copy'
  | 'secret.export'
  | 'secret.run';

/** Metadata only: names, field names, formats. The type has no room for a value. */
export type AuditDetail = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

export interface AuditEvent {
  readonly seq: number;
  readonly at: string;
  readonly action: string;
  readonly secretId: string | null;
  readonly detail: AuditDetail;
}

interface AuditRow {
  seq: number;
  at: string;
  action: string;
  secret_id: string | null;
  detail_json: string;
  prev_mac: Buffer;
  mac: Buffer;
}

const HEAD_KEY = 'audit_head';
/** Spelled as in migration 3's partial index audit_events_vault_marks. */
const VAULT_MARKS = "action IN ('vault.settings', 'vault.records-signed')";
/** The vault's id as init wrote it; the audit key is derived with it, so it cannot be swapped unnoticed. */
const VAULT_ID_KEY = 'vault_id';

/**
 * The actions that write a secret's rows (its MAC is bound to the newest of them). Spelled as in
 * migration 3's partial index audit_events_row_writes, which SQLite uses only for this exact term.
 */
const ROW_WRITES = "action IN ('secret.add', 'secret.edit', 'secret.rotate', 'secret.undo-rotate', 'secret.expose', 'secret.unexpose')";

/**
 * Appends must run inside the caller's transaction, so an event exists exactly when the
 * change it records does.
 */
export class AuditLog {
  private readonly insert: Statement<[number, string, string, string | null, string, Buffer, Buffer]>;
  private readonly readHead: Statement<[string], { value: string }>;
  private readonly writeHead: Statement<[string, string]>;
  private readonly all: Statement<[], AuditRow>;
  private readonly one: Statement<[number], AuditRow>;
  private readonly newest: Statement<[], { seq: number; mac: Buffer }>;
  // prepared on first use: they name migration 3's indexes, and the log of a schema-2 vault is
  // also written (by its upgrade tests, and by Rekey before it) without them
  private rowWrite?: Statement<[string], { seq: number | null }>;
  private rowWrites?: Statement<[], { secret_id: string; seq: number }>;
  private newestOfAction?: Statement<[string], { seq: number | null }>;

  constructor(
    private readonly db: Database,
    private readonly auditKey: Buffer,
  ) {
    this.insert = db.prepare(
      'INSERT INTO audit_events (seq, at, action, secret_id, detail_json, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.readHead = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.writeHead = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.all = db.prepare('SELECT seq, at, action, secret_id, detail_json, prev_mac, mac FROM audit_events ORDER BY seq');
    this.one = db.prepare('SELECT seq, at, action, secret_id, detail_json, prev_mac, mac FROM audit_events WHERE seq = ?');
    this.newest = db.prepare('SELECT seq, mac FROM audit_events ORDER BY seq DESC LIMIT 1');
  }

  /** Returns the new entry's seq: the MACs of the rows this change writes are bound to it. */
  append(at: Date, action: AuditAction, secretId: string | null, detail: AuditDetail): number {
    return this.appendMany(at, [{ action, secretId, detail }]);
  }

  /**
   * One chain walk and one head update for a batch (an export of 1,000 keys is 1,000 entries).
   * Returns the seq of the last entry written (entry i of the batch is that minus length-1-i).
   */
  appendMany(at: Date, entries: ReadonlyArray<{ action: AuditAction; secretId: string | null; detail: AuditDetail }>): number {
    if (!this.db.inTransaction) throw new Error('AuditLog.append must run inside the change it records');
    if (entries.length === 0) return this.newest.get()?.seq ?? 0;
    // chained to the newest row itself, so a damaged head record cannot block new entries
    const newest = this.newest.get();
    let seq = newest?.seq ?? 0;
    let prevMac = newest?.mac ?? GENESIS_MAC;
    const stamp = at.toISOString();
    for (const { action, secretId, detail } of entries) {
      seq++;
      const record = { seq, at: stamp, action, secretId, detailJson: JSON.stringify(detail) };
      const mac = chainMac(this.auditKey, prevMac, record);
      this.insert.run(seq, stamp, action, secretId, record.detailJson, prevMac, mac);
      prevMac = mac;
    }
    const head = { seq, mac: prevMac.toString('hex'), headMac: headMac(this.auditKey, seq, prevMac).toString('hex') };
    this.writeHead.run(HEAD_KEY, JSON.stringify(head));
    return seq;
  }

  /** The newest entry that wrote this secret's rows (add, edit, rotate, undo, expose, unexpose). */
  lastRowWrite(secretId: string): number | null {
    // named: left alone, SQLite may sort the whole log instead (the schema check guarantees the index)
    this.rowWrite ??= this.db.prepare(
      `SELECT max(seq) AS seq FROM audit_events INDEXED BY audit_events_row_writes WHERE secret_id = ? AND ${ROW_WRITES}`,
    );
    return this.rowWrite.get(secretId)?.seq ?? null;
  }

  /** lastRowWrite of every secret the log knows, in one pass over a small index. */
  lastRowWrites(): Map<string, number> {
    this.rowWrites ??= this.db.prepare(
      `SELECT secret_id, max(seq) AS seq FROM audit_events INDEXED BY audit_events_row_writes WHERE secret_id IS NOT NULL AND ${ROW_WRITES} GROUP BY secret_id`,
    );
    return new Map(this.rowWrites.all().map((row) => [row.secret_id, row.seq]));
  }

  /** The newest settings save, or the signing of an upgraded vault; null if there is none. */
  newestOf(action: 'vault.settings' | 'vault.records-signed'): number | null {
    this.newestOfAction ??= this.db.prepare(
      `SELECT max(seq) AS seq FROM audit_events INDEXED BY audit_events_vault_marks WHERE ${VAULT_MARKS} AND action = ?`,
    );
    return this.newestOfAction.get(action)?.seq ?? null;
  }

  /** The detail of one entry, parsed (an unreadable one is {}). */
  entry(seq: number): AuditEvent | null {
    const row = this.one.get(seq);
    return row ? { seq: row.seq, at: row.at, action: row.action, secretId: row.secret_id, detail: parseDetail(row.detail_json) } : null;
  }

  events(): AuditEvent[] {
    return this.all.all().map((row) => ({
      seq: row.seq,
      at: row.at,
      action: row.action,
      secretId: row.secret_id,
      detail: parseDetail(row.detail_json),
    }));
  }

  verify(): AuditVerdict {
    const rows = this.all.iterate();
    const records = (function* (): Generator<ChainedAuditRecord> {
      for (const row of rows) {
        yield {
          seq: row.seq,
          at: row.at,
          action: row.action,
          secretId: row.secret_id,
          detailJson: row.detail_json,
          prevMac: row.prev_mac,
          mac: row.mac,
        };
      }
    })();
    return verifyChain(this.auditKey, records, this.headForVerify(), this.readHead.get(VAULT_ID_KEY)?.value ?? '');
  }

  private headForVerify(): AuditHead | null {
    const row = this.readHead.get(HEAD_KEY);
    if (!row) return null;
    try {
      const parsed = JSON.parse(row.value) as { seq: unknown; mac: unknown; headMac: unknown };
      if (typeof parsed.seq !== 'number' || typeof parsed.mac !== 'string' || typeof parsed.headMac !== 'string') {
        return { seq: 0, mac: Buffer.alloc(0), headMac: Buffer.alloc(0) };
      }
      return { seq: parsed.seq, mac: Buffer.from(parsed.mac, 'hex'), headMac: Buffer.from(parsed.headMac, 'hex') };
    } catch {
      return { seq: 0, mac: Buffer.alloc(0), headMac: Buffer.alloc(0) };
    }
  }
}

function parseDetail(json: string): AuditDetail {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed !== null && typeof parsed === 'object' ? (parsed as AuditDetail) : {};
  } catch {
    return {};
  }
}
