import type { Database } from 'better-sqlite3';
import { DEFAULT_SETTINGS, type Settings, SettingsPatchSchema, settingsShape } from './settings.js';
import { RekeyError } from '../errors.js';

/** Settings live in the vault file, so the app and the CLI agree on them. */
export class SettingsStore {
  constructor(private readonly db: Database) {}

  /** Defaults for anything unset; a stored value that no longer validates falls back to its default. */
  read(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
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

  update(patch: unknown): Settings {
    const checked = SettingsPatchSchema.safeParse(patch);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new RekeyError('invalid-input', issue?.message ?? 'Those settings are not valid.');
    }
    const put = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(checked.data)) if (value !== undefined) put.run(key, JSON.stringify(value));
    })();
    return this.read();
  }
}
