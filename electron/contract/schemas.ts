import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema } from '../core/settings/settings.js';
import { MASTER_PASSWORD_MAX, MASTER_PASSWORD_MIN } from '../core/vault/master-password.js';

/**
 * The shapes that cross the IPC boundary. Inputs are strict (unknown keys are an error, not
 * silently dropped) and bounded, so a hostile or buggy renderer gets a clear refusal.
 */
const name = z.string().min(1).max(100);
const text = (max: number) => z.string().max(max);
/** A pasted secret value: the core checks bytes, emptiness and NUL; this bounds the message. */
const secretValue = z.string().min(1).max(64 * 1024);
const isoDate = z.iso.datetime({ offset: true });

export const rotationStatus = z.enum(['ok', 'due-soon', 'overdue', 'exposed']);
export const exportFormat = z.enum(['dotenv', 'shell', 'json']);

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
  defaultRotateEveryDays: z.number().int(),
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
    envVar: text(200).optional(),
    project: text(100).optional(),
    provider: text(60).optional(),
    rotateEveryDays: z.number().int().min(1).max(3650).optional(),
    rotatedAt: isoDate.optional(),
    notes: text(2000).optional(),
  })
  .strict();

export const nameInput = z.object({ name }).strict();
export const noInput = z.object({}).strict();

export const addInput = secretMetadataInput.extend({ name, value: secretValue }).strict();
export const rotateInput = z.object({ name, value: secretValue }).strict();
export const editInput = z.object({ name, patch: secretMetadataInput.extend({ name: name.optional() }).strict() }).strict();
export const listInput = z
  .object({ project: text(100).optional(), status: rotationStatus.optional(), limit: z.number().int().min(1).max(100_000).optional() })
  .strict();
export const detectInput = z.object({ value: secretValue, provider: text(60).optional() }).strict();

export const selectionInput = z
  .object({ project: text(100).optional(), names: z.array(name).max(100_000).optional(), format: exportFormat })
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
    }),
  ),
  ignoredLines: z.array(z.number().int()),
  importable: z.boolean(),
});
export const importChosen = z.object({ preview: importPreview.nullable() });
export const importChooseInput = z.object({ project: text(100).optional() }).strict();
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
export const passwordResult = z.object({ hasPassword: z.boolean(), change: z.enum(['set', 'change', 'remove']) });

export const settings = SettingsSchema;
export const settingsPatch = SettingsPatchSchema;
export const settingsResult = z.object({ settings: SettingsSchema, hasPassword: z.boolean() });

export const keyReminders = z.object({ snoozedUntil: z.string().nullable(), leadDays: z.number().int().nullable() });
export const setKeyRemindersInput = z
  .object({
    name,
    snooze: z.enum(['none', '1d', '1w']).optional(),
    leadDays: z.number({ error: 'The lead time must be a whole number of days' }).int('The lead time must be a whole number of days').min(0, 'The lead time cannot be negative').max(365, 'The lead time can be at most 365 days').nullable().optional(),
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
export const scanAddInput = secretMetadataInput.extend({ jobId: z.string().min(1).max(100), findingId: z.string().min(1).max(100), name }).strict();
