import type { Database } from 'better-sqlite3';

/**
 * Append-only list: migration N brings the schema from user_version N-1 to N.
 * Never edit a shipped migration; add the next one.
 */
const MIGRATIONS: readonly string[] = [
  /* 1: the vault */ `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE secrets (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE,
    env_var           TEXT NOT NULL,
    provider          TEXT NOT NULL,
    project           TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    rotate_every_days INTEGER NOT NULL CHECK (rotate_every_days BETWEEN 1 AND 3650),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    exposed_at        TEXT,
    -- the current version's facts, kept here so listing 10,000 keys reads one table;
    -- written in the same transaction as the version row they describe
    current_version   INTEGER NOT NULL,
    masked            TEXT NOT NULL,
    rotated_at        TEXT NOT NULL,
    due_at            TEXT NOT NULL
  ) STRICT;
  CREATE INDEX secrets_by_project ON secrets(project);

  CREATE TABLE secret_versions (
    secret_id   TEXT NOT NULL REFERENCES secrets(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL CHECK (version >= 1),
    ciphertext  BLOB NOT NULL,
    nonce       BLOB NOT NULL,
    tag         BLOB NOT NULL,
    fingerprint BLOB NOT NULL,
    masked      TEXT NOT NULL,
    rotated_at  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    retired_at  TEXT,
    PRIMARY KEY (secret_id, version)
  ) STRICT;
  -- exactly one current version per secret, enforced by the database itself
  CREATE UNIQUE INDEX secret_versions_one_current ON secret_versions(secret_id) WHERE retired_at IS NULL;
  CREATE INDEX secret_versions_by_fingerprint ON secret_versions(fingerprint);

  CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    action      TEXT NOT NULL,
    secret_id   TEXT,
    detail_json TEXT NOT NULL,
    prev_mac    BLOB NOT NULL,
    mac         BLOB NOT NULL
  ) STRICT;
  -- guards against our own bugs; a deliberate tamperer is caught by the MAC chain instead
  CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
  CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
  `,
  /* 2: settings, reminders, unlock throttle */ `
  -- one JSON value per setting; unknown keys from a newer Rekey are kept, not dropped
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  -- what the reminder engine last told the user about each key, and the key's own overrides
  CREATE TABLE reminder_state (
    secret_id        TEXT PRIMARY KEY REFERENCES secrets(id) ON DELETE CASCADE,
    last_kind        TEXT,
    last_due_at      TEXT,
    last_exposed_at  TEXT,
    last_notified_at TEXT,
    snoozed_until    TEXT,
    lead_days        INTEGER CHECK (lead_days BETWEEN 0 AND 365)
  ) STRICT;

  -- wrong master passwords: persisted, so restarting the app or the CLI does not reset the delay
  CREATE TABLE unlock_throttle (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    failures     INTEGER NOT NULL,
    not_before   TEXT NOT NULL
  ) STRICT;
  `,
  /* 3: record MACs (record-mac.ts); rows of an older vault are signed on its first unlocked open */ `
  ALTER TABLE secrets ADD COLUMN mac BLOB;
  ALTER TABLE secrets ADD COLUMN mac_seq INTEGER;
  ALTER TABLE secret_versions ADD COLUMN mac BLOB;
  ALTER TABLE secret_versions ADD COLUMN mac_seq INTEGER;
  -- the newest entry that changed each secret's rows: what its MAC must be bound to
  -- (action is in the index so a whole list's lookup reads the index alone)
  CREATE INDEX audit_events_row_writes ON audit_events(secret_id, seq, action)
    WHERE action IN ('secret.add', 'secret.edit', 'secret.rotate', 'secret.undo-rotate', 'secret.expose', 'secret.unexpose');
  -- the newest settings save and the one-time signing of an upgraded vault (only these: an index
  -- of every entry would cost each reveal and export a write)
  CREATE INDEX audit_events_vault_marks ON audit_events(action, seq) WHERE action IN ('vault.settings', 'vault.records-signed');
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema to `target` (the newest by default; the schema check builds older ones). */
export function migrate(db: Database, target: number = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`vault schema version ${current} is newer than this Rekey understands (${SCHEMA_VERSION})`);
  }
  for (let version = current + 1; version <= target; version++) {
    const sql = MIGRATIONS[version - 1];
    if (sql === undefined) continue;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
}
