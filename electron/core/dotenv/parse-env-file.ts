import dotenv from 'dotenv';
import { RekeyError } from '../errors.js';
import { ENV_VAR_NAME_RULE, isValidEnvVarName } from './env-var-name.js';
import { unparsedLines } from './unparsed-lines.js';

/** Real .env files are a few KiB; anything this big is the wrong file, and parsing it would stall the preview. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ParsedEnvFile {
  readonly entries: ReadonlyArray<{ envVar: string; value: string }>;
  /** 1-based numbers of lines that hold something but set no variable, for the import preview. */
  readonly ignoredLines: readonly number[];
}

/** A refusal names a few keys, each cut short: a message is read by a person, and is not a dump of the file. */
const MAX_KEYS_NAMED = 5;
const MAX_KEY_CHARS = 60;

function quoteKey(key: string): string {
  const chars = [...key];
  return JSON.stringify(chars.length > MAX_KEY_CHARS ? `${chars.slice(0, MAX_KEY_CHARS).join('')}…` : key);
}

function refuse(sourceLabel: string, why: string): RekeyError {
  return new RekeyError('import-invalid', `Cannot import ${sourceLabel}: ${why}`);
}

function decodeText(content: Buffer, sourceLabel: string): string {
  // A NUL is valid UTF-8 but never appears in a text file; it is the quickest sign of a binary one.
  if (content.includes(0)) throw refuse(sourceLabel, 'it contains NUL bytes, so it is not a text file.');
  try {
    // fatal: a lossy decode would import U+FFFD in place of the user's bytes without a word.
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw refuse(sourceLabel, 'it is not UTF-8 text.');
  }
}

/** Parses with the `dotenv` package, the parser most of our users' apps load the same file with. */
export function parseEnvFile(content: Buffer, sourceLabel: string): ParsedEnvFile {
  if (content.length > MAX_IMPORT_BYTES) {
    throw refuse(sourceLabel, `it is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.`);
  }
  const text = decodeText(content, sourceLabel);
  const parsed = dotenv.parse(text);
  const entries = Object.entries(parsed).map(([envVar, value]) => ({ envVar, value }));
  const invalidKeys = entries.filter((entry) => !isValidEnvVarName(entry.envVar)).map((entry) => quoteKey(entry.envVar));
  if (invalidKeys.length > 0) {
    const shown = invalidKeys.slice(0, MAX_KEYS_NAMED);
    const more = invalidKeys.length > shown.length ? ` and ${invalidKeys.length - shown.length} more` : '';
    const what =
      invalidKeys.length === 1
        ? `the key ${shown.join('')} is not a valid environment variable name`
        : `the keys ${shown.join(', ')}${more} are not valid environment variable names`;
    throw refuse(sourceLabel, `${what} (${ENV_VAR_NAME_RULE}).`);
  }
  if (entries.length === 0) {
    throw refuse(sourceLabel, 'it sets no variables (expected lines like NAME=value).');
  }
  return { entries, ignoredLines: unparsedLines(text, parsed) };
}
