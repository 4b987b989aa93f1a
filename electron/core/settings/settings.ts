import { z } from 'zod';
import { MAX_LEAD_DAYS, MIN_LEAD_DAYS } from '../reminders/reminder-choices.js';
import { MAX_ROTATE_EVERY_DAYS, MIN_ROTATE_EVERY_DAYS } from '../vault/secret-fields.js';

/**
 * The user's preferences, validated in one place: main checks what the window sends against
 * this schema (through the contract), and the store checks what it reads back.
 * Messages name the field in words, so a form can put them under the field as they are.
 */
const days = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a whole number of days.` })
    .int(`${what} must be a whole number of days.`)
    .min(min, `${what} must be at least ${min} ${min === 1 ? 'day' : 'days'}.`)
    .max(max, `${what} can be at most ${max} days.`);

export const settingsShape = {
  defaultRotateEveryDays: days('The rotation interval', MIN_ROTATE_EVERY_DAYS, MAX_ROTATE_EVERY_DAYS),
  leadDays: days('The lead time', MIN_LEAD_DAYS, MAX_LEAD_DAYS),
  overdueRepeatDays: days('The overdue repeat', 1, 90),
  clipboardClearSeconds: z
    .number({ error: 'Clipboard clearing must be a whole number of seconds.' })
    .int('Clipboard clearing must be a whole number of seconds.')
    .min(5, 'Clipboard clearing must wait at least 5 seconds.')
    .max(600, 'Clipboard clearing can wait at most 600 seconds.'),
  autoLockMinutes: z
    .number({ error: 'Auto-lock must be a whole number of minutes.' })
    .int('Auto-lock must be a whole number of minutes.')
    .min(0, 'Auto-lock cannot be negative; 0 turns it off.')
    .max(1440, 'Auto-lock can wait at most 1440 minutes (a day).'),
  launchAtLogin: z.boolean(),
  notifications: z.boolean(),
};

export const SettingsSchema = z.object(settingsShape).strict();
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingName = keyof Settings;

/** A change to some settings: unknown names are refused, not ignored. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  defaultRotateEveryDays: 90,
  leadDays: 14,
  overdueRepeatDays: 3,
  clipboardClearSeconds: 30,
  autoLockMinutes: 15,
  launchAtLogin: false,
  notifications: true,
};
