import type { Database, Statement } from 'better-sqlite3';
import { DEFAULT_SETTINGS, type Settings, SettingsPatchSchema, settingsShape } from './settings.js';
import { RekeyError } from '../errors.js';
import { type RecordMac, type SettingsRecord, macMatches } from '../store/record-mac.js';

/**
 * With the vault key at hand, the stored settings are checked against one MAC over the whole
 * set, bound to the audit entry of the newest settings save (or of the signing of an upgraded
 * vault): `expectedSeq` looks that entry up in the audit log.
 */
export interface SettingsSeal {
  readonly mac: RecordMac;
  expectedSeq(): number | null;
}

export type SettingsVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const MAC_KEY = 'settings_mac';

/**
 * Settings live in the vault file, so the app and the CLI agree on them. Opened with a seal (the
 * unlocked vault), a set that fails its MAC is not used: the defaults are, until the next save
 * writes and signs a full set again. Without one (VaultMetadata, while locked) nothing can be
 * checked and the stored values are read as they are.
 */
export class SettingsStore {
  private readonly rows: Statement<[], { key: string; value: string }>;
  private readonly readMac: Statement<[string], { value: string }>;

  constructor(
    private readonly db: Database,
    private readonly seal?: SettingsSeal,
  ) {
    this.rows = db.prepare('SELECT key, value FROM settings');
    this.readMac = db.prepare('SELECT value FROM meta WHERE key = ?');
  }

  /** Defaults for anything unset; a stored value that no longer validates falls back to its default. */
  read(): Settings {
    const rows = this.rows.all();
    if (this.seal && !this.verdictFor(rows).ok) return { ...DEFAULT_SETTINGS };
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const { key, value } of rows) {
      const schema = (settingsShape as Record<string, { safeParse(input: unknown): { success: boolean; data?: unknown } }>)[key];
      if (schema === undefined) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        continue;
      }
      const checked = schema.safeParse(parsed);
      if (checked.success) settings[key] = checked.data;
    }
    return settings as unknown as Settings;
  }

  /** What `audit verify` says about the stored settings (always ok without a seal: nothing to check with). */
  verify(): SettingsVerdict {
    return this.verdictFor(this.rows.all());
  }

  /**
   * Writes the patch and, with a seal, re-signs the full set at the audit entry `record` appends
   * in the same transaction. A set that failed its MAC is dropped first, so a save never blesses
   * what someone else wrote.
   */
  update(patch: unknown, record?: (fields: readonly string[]) => number): Settings {
    const checked = SettingsPatchSchema.safeParse(patch);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new RekeyError('invalid-input', issue?.message ?? 'Those settings are not valid.');
    }
    const put = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    const changed = Object.entries(checked.data).filter(([, value]) => value !== undefined);
    this.db
      .transaction(() => {
        if (this.seal && !this.verify().ok) this.db.prepare('DELETE FROM settings').run();
        for (const [key, value] of changed) put.run(key, JSON.stringify(value));
        if (this.seal && record) this.signAt(record(changed.map(([key]) => key)));
      })
      .immediate();
    return this.read();
  }

  /** Signs the set as it is now, bound to audit entry `seq` (inside the caller's transaction). */
  signAt(seq: number): void {
    if (!this.seal) throw new Error('SettingsStore.signAt needs the vault key');
    const mac = this.seal.mac.settings(toRecord(this.rows.all()), seq);
    this.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(MAC_KEY, JSON.stringify({ seq, mac: mac.toString('hex') }));
  }

  private verdictFor(rows: ReadonlyArray<{ key: string; value: string }>): SettingsVerdict {
    if (!this.seal) return { ok: true };
    const expected = this.seal.expectedSeq();
    const stored = this.storedMac();
    if (expected === null) {
      return rows.length === 0 && stored === null ? { ok: true } : { ok: false, reason: 'settings are stored that Rekey never saved' };
    }
    if (stored === null) return { ok: false, reason: 'their integrity record is missing' };
    if (stored.seq !== expected) {
      return {
        ok: false,
        reason: `they are an older copy (signed at audit entry ${stored.seq}; the newest settings change is entry ${expected})`,
      };
    }
    return macMatches(this.seal.mac.settings(toRecord(rows), stored.seq), stored.mac)
      ? { ok: true }
      : { ok: false, reason: 'they were changed outside Rekey' };
  }

  private storedMac(): { seq: number; mac: Buffer } | null {
    const row = this.readMac.get(MAC_KEY);
    if (!row) return null;
    try {
      const parsed = JSON.parse(row.value) as { seq?: unknown; mac?: unknown };
      if (typeof parsed.seq !== 'number' || typeof parsed.mac !== 'string') return { seq: -1, mac: Buffer.alloc(0) };
      return { seq: parsed.seq, mac: Buffer.from(parsed.mac, 'hex') };
    } catch {
      return { seq: -1, mac: Buffer.alloc(0) };
    }
  }
}

function toRecord(rows: ReadonlyArray<{ key: string; value: string }>): SettingsRecord {
  return rows.map(({ key, value }) => [key, value] as const);
}
