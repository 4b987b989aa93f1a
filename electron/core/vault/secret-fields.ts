import { z } from 'zod';
import { RekeyError } from '../errors.js';

/**
 * What a secret's metadata may hold. Names are what users type on the command line, so
 * they avoid spaces and a leading dash; env var names follow POSIX so every export format
 * and every shell can use them.
 */
export const MAX_NAME_LENGTH = 100;
export const MAX_PROJECT_LENGTH = MAX_NAME_LENGTH;
export const MAX_ENV_VAR_LENGTH = 200;
export const MAX_NOTES_LENGTH = 2_000;
/** In UTF-8 bytes (64 KiB): checked by secret-value.ts, which needs node's Buffer. */
export const MAX_VALUE_BYTES = 64 * 1024;
export const MIN_ROTATE_EVERY_DAYS = 1;
export const MAX_ROTATE_EVERY_DAYS = 3650;

export const secretNameSchema = z
  .string()
  .min(1, 'a name cannot be empty')
  .max(MAX_NAME_LENGTH, `a name has at most ${MAX_NAME_LENGTH} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/@:]*$/, 'a name starts with a letter or digit and holds only letters, digits and . _ - / @ :');

export const envVarSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an env var name holds letters, digits and _ and does not start with a digit')
  .max(MAX_ENV_VAR_LENGTH, `an env var name has at most ${MAX_ENV_VAR_LENGTH} characters`);

export const projectSchema = z
  .string()
  .max(MAX_PROJECT_LENGTH, `a project name has at most ${MAX_PROJECT_LENGTH} characters`)
  .regex(/^([A-Za-z0-9][A-Za-z0-9._\-/@:]*)?$/, 'a project name holds only letters, digits and . _ - / @ :');

export const notesSchema = z
  .string()
  .max(MAX_NOTES_LENGTH, `notes have at most ${MAX_NOTES_LENGTH} characters`)
  .refine((notes) => !notes.includes('\0'), 'notes cannot contain a NUL character');

export const rotateEveryDaysSchema = z
  .number()
  .int('the rotation interval is a whole number of days')
  .min(MIN_ROTATE_EVERY_DAYS, `the rotation interval is at least ${MIN_ROTATE_EVERY_DAYS} day`)
  .max(MAX_ROTATE_EVERY_DAYS, `the rotation interval is at most ${MAX_ROTATE_EVERY_DAYS} days`);

/** Runs a schema and turns its first complaint into a user-facing error about `label`. */
export function parseField<T>(schema: z.ZodType<T>, value: unknown, label: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const reason = result.error.issues[0]?.message ?? 'it is not valid';
  throw new RekeyError('invalid-input', `Invalid ${label}: ${reason}.`);
}

export function checkRotatedAt(rotatedAt: Date, now: Date): Date {
  if (Number.isNaN(rotatedAt.getTime())) throw new RekeyError('invalid-input', 'Invalid rotation date: use YYYY-MM-DD.');
  if (rotatedAt.getTime() > now.getTime()) {
    throw new RekeyError('invalid-input', 'Invalid rotation date: it is in the future.');
  }
  return rotatedAt;
}

/** NAME or my-key.prod -> MY_KEY_PROD: a usable default when no provider suggests one. */
export function envVarFromName(name: string): string {
  const upper = name
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const safe = upper === '' ? 'SECRET' : upper;
  return /^[0-9]/.test(safe) ? `_${safe}` : safe;
}
