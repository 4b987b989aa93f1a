import { z } from 'zod';
import { EXPORT_FORMATS } from '../core/dotenv/formats.js';
import { MAX_LEAD_DAYS, MIN_LEAD_DAYS, SNOOZE_CHOICES } from '../core/reminders/reminder-choices.js';
import { ROTATION_STATUSES } from '../core/rotation/statuses.js';
import { SettingsPatchSchema, SettingsSchema } from '../core/settings/settings.js';
import { MASTER_PASSWORD_CHANGES, MASTER_PASSWORD_MAX, MASTER_PASSWORD_MIN } from '../core/vault/master-password.js';
import {
  MAX_ENV_VAR_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_PROJECT_LENGTH,
  MAX_ROTATE_EVERY_DAYS,
  MAX_VALUE_BYTES,
  MIN_ROTATE_EVERY_DAYS,
} from '../core/vault/secret-fields.js';

/**
 * The shapes that cross the IPC boundary. Inputs are strict (unknown keys are an error, not
 * silently dropped) and bounded, so a hostile or buggy renderer gets a clear refusal.
 * Every limit and enum the core also knows is imported from the core's constants, so the two
 * cannot drift (test/unit/contract/contract-limits.test.ts checks each one at its edge).
 * Imports stay to zod and core modules that hold only constants and schemas.
 */
const name = z.string().min(1).max(MAX_NAME_LENGTH);
const project = z.string().max(MAX_PROJECT_LENGTH);
/** Provider ids are short catalog words; the core looks them up, this only bounds the message. */
const providerId = z.string().max(60);
/**
 * A pasted secret value: the core checks bytes, emptiness and NUL; this bounds the message.
 * UTF-8 never takes fewer bytes than UTF-16 code units, so the same number as a length refuses
 * nothing the core would accept.
 */
const secretValue = z.string().min(1).max(MAX_VALUE_BYTES);
const isoDate = z.iso.datetime({ offset: true });

export const rotationStatus = z.enum(ROTATION_STATUSES);
export const exportFormat = z.enum(EXPORT_FORMATS);

export const secretSummary = z.object({
  id: z.string(),
  name: z.string(),
  envVar: z.string(),
  provider: z.string(),
  providerName: z.string(),
  project: z.string(),
  notes: z.string(),
  masked: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rotatedAt: z.string(),
  rotateEveryDays: z.number().int(),
  dueAt: z.string(),
  status: rotationStatus,
  exposedAt: z.string().nullable(),
  rotateUrl: z.string().nullable(),
  /** changed outside Rekey (fails its MAC): shown with a badge; its value is refused */
  altered: z.boolean(),
});

export const versionSummary = z.object({
  version: z.number().int(),
  masked: z.string(),
  createdAt: z.string(),
  rotatedAt: z.string(),
  retiredAt: z.string().nullable(),
  current: z.boolean(),
});

export const providerInfo = z.object({
  id: z.string(),
  displayName: z.string(),
  suggestedEnvVar: z.string().nullable(),
  /** The provider's own interval (AWS: 60), or null: the user's default applies. */
  defaultRotateEveryDays: z.number().int().min(MIN_ROTATE_EVERY_DAYS).max(MAX_ROTATE_EVERY_DAYS).nullable(),
  rotateUrl: z.string().nullable(),
});

export const vaultStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), path: z.string() }),
  z.object({ state: z.literal('no-vault'), path: z.string() }),
  z.object({ state: z.literal('keychain-unavailable'), path: z.string(), message: z.string() }),
  /** hasPassword false: "locked" only hid the window; unlocking needs nothing but a click. */
  z.object({ state: z.literal('locked'), path: z.string(), hasPassword: z.boolean() }),
]);

export const secretMetadataInput = z
  .object({
    envVar: z.string().max(MAX_ENV_VAR_LENGTH).optional(),
    project: project.optional(),
    provider: providerId.optional(),
    rotateEveryDays: z.number().int().min(MIN_ROTATE_EVERY_DAYS).max(MAX_ROTATE_EVERY_DAYS).optional(),
    rotatedAt: isoDate.optional(),
    notes: z.string().max(MAX_NOTES_LENGTH).optional(),
  })
  .strict();

export const nameInput = z.object({ name }).strict();
export const noInput = z.object({}).strict();

export const addInput = secretMetadataInput.extend({ name, value: secretValue }).strict();
export const rotateInput = z.object({ name, value: secretValue }).strict();
export const editInput = z.object({ name, patch: secretMetadataInput.extend({ name: name.optional() }).strict() }).strict();
export const listInput = z
  .object({ project: project.optional(), status: rotationStatus.optional(), limit: z.number().int().min(1).max(100_000).optional() })
  .strict();
export const detectInput = z.object({ value: secretValue, provider: providerId.optional() }).strict();

export const selectionInput = z
  .object({ project: project.optional(), names: z.array(name).max(100_000).optional(), format: exportFormat })
  .strict();

export const addResult = z.object({ secret: secretSummary, warnings: z.array(z.string()) });
export const detectResult = z.object({
  provider: providerInfo,
  masked: z.string(),
  warning: z.string().nullable(),
});
export const historyResult = z.object({ versions: z.array(versionSummary), undoableUntil: z.string().nullable() });
export const revealResult = z.object({ value: z.string() });
export const copyResult = z.object({ clearsInSeconds: z.number().int() });
export const exportPreview = z.object({
  rows: z.array(z.object({ name: z.string(), envVar: z.string(), masked: z.string() })),
  refusal: z.string().nullable(),
});
export const exportSaved = z.object({ path: z.string().nullable(), count: z.number().int(), warning: z.string().nullable() });
export const importPreview = z.object({
  token: z.string(),
  path: z.string(),
  rows: z.array(
    z.object({
      envVar: z.string(),
      name: z.string(),
      providerName: z.string(),
      masked: z.string(),
      problem: z.string().nullable(),
      sameValueAs: z.array(z.string()),
      /** The variable makes programs load code (PATH, LD_PRELOAD…); `rekey run` never passes it. */
      warning: z.string().nullable(),
    }),
  ),
  ignoredLines: z.array(z.number().int()),
  importable: z.boolean(),
});
export const importChosen = z.object({ preview: importPreview.nullable() });
export const importChooseInput = z.object({ project: project.optional() }).strict();
export const importApplyInput = z.object({ token: z.string().min(1).max(100) }).strict();
export const importApplied = z.object({ imported: z.number().int() });
export const okResult = z.object({ ok: z.literal(true) });

/** A password crosses only towards main, never back; bounded, and never quoted in errors. */
const masterPassword = z
  .string()
  .min(MASTER_PASSWORD_MIN, `The master password must be at least ${MASTER_PASSWORD_MIN} characters long`)
  .max(MASTER_PASSWORD_MAX, `The master password can be at most ${MASTER_PASSWORD_MAX} characters long`);
/** What the user typed to unlock: any length may be a (wrong) attempt, so only bounded. */
const passwordAttempt = z.string().min(1, 'Type the master password').max(MASTER_PASSWORD_MAX);

export const unlockInput = z.object({ password: passwordAttempt.optional() }).strict();
export const setPasswordInput = z.object({ current: passwordAttempt.optional(), next: masterPassword.nullable() }).strict();
export const passwordResult = z.object({ hasPassword: z.boolean(), change: z.enum(MASTER_PASSWORD_CHANGES) });

export const settings = SettingsSchema;
export const settingsPatch = SettingsPatchSchema;
export const settingsResult = z.object({ settings: SettingsSchema, hasPassword: z.boolean() });

export const keyReminders = z.object({ snoozedUntil: z.string().nullable(), leadDays: z.number().int().nullable() });
export const setKeyRemindersInput = z
  .object({
    name,
    snooze: z.enum(['none', ...SNOOZE_CHOICES]).optional(),
    leadDays: z
      .number({ error: 'The lead time must be a whole number of days' })
      .int('The lead time must be a whole number of days')
      .min(MIN_LEAD_DAYS, 'The lead time cannot be negative')
      .max(MAX_LEAD_DAYS, `The lead time can be at most ${MAX_LEAD_DAYS} days`)
      .nullable()
      .optional(),
  })
  .strict();

/** What the window asks main every few seconds: is it locked, and should it show a key (a notification was clicked). */
export const appPoll = z.object({ locked: z.boolean(), focus: z.string().nullable() });
/** A backup passphrase: core checks its minimum length (and says so); this bounds the message. */
const passphrase = z.string().min(1).max(1024);
const backupContents = { secrets: z.number().int(), versions: z.number().int(), auditEntries: z.number().int() };
export const backupSaveInput = z.object({ passphrase }).strict();
export const backupSaved = z.object({ path: z.string().nullable(), ...backupContents });
/** The chosen file waits in main under a token; its bytes never cross to the window. */
export const backupChosen = z.object({ choice: z.object({ token: z.string(), path: z.string(), fileName: z.string() }).nullable() });
export const backupRestoreInput = z.object({ token: z.string().min(1).max(100), passphrase }).strict();
export const backupRestored = z.object({ status: vaultStatus, backupCreatedAt: z.string(), ...backupContents });
/*
 * The leak scan. Main opens the folder dialog and runs the scan; the window polls a job id.
 * Findings carry masked matches only; an unknown key's value stays in main, where "Add to
 * vault" (scanAddInput) picks it up by finding id.
 */
export const scanStartInput = z
  .object({ includeIgnored: z.boolean().optional(), includeVendored: z.boolean().optional(), history: z.boolean().optional() })
  .strict();
export const scanStarted = z.object({ job: z.object({ id: z.string(), path: z.string() }).nullable() });
export const scanJobInput = z.object({ jobId: z.string().min(1).max(100) }).strict();
export const scanFinding = z.object({
  id: z.string(),
  path: z.string(),
  commit: z.string().nullable(),
  line: z.number().int(),
  column: z.number().int(),
  providerId: z.string(),
  providerName: z.string(),
  masked: z.string(),
  secret: z.object({ id: z.string(), name: z.string(), version: z.number().int(), current: z.boolean() }).nullable(),
});
export const scanProgress = z.object({
  path: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  filesDone: z.number().int(),
  filesTotal: z.number().int(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  /** Filled once the scan is done. */
  findings: z.array(scanFinding),
  summary: z
    .object({
      filesScanned: z.number().int(),
      bytesScanned: z.number(),
      skippedBinary: z.number().int(),
      skippedLarge: z.number().int(),
      blobsScanned: z.number().int(),
      valuesTooShort: z.number().int(),
    })
    .nullable(),
  error: z.string().nullable(),
});
export const scanAddInput = secretMetadataInput
  .extend({ jobId: z.string().min(1).max(100), findingId: z.string().min(1).max(100), name })
  .strict();
