import { z } from 'zod';

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
export const listInput = z.object({ project: text(100).optional(), status: rotationStatus.optional() }).strict();
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
