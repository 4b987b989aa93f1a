import type { ExportFormat } from './formats.js';

/**
 * Which values each format carries exactly, and how a dotenv value is quoted.
 *
 * The dotenv rules come from reading the parsers a user's tools actually run (dotenv 18 for
 * Node, both its default and its `fast` parser; python-dotenv 0.21; dotenvx; compose-go 2.x,
 * which docker compose uses) and are checked against the first two by the property tests:
 *
 * Single quotes are the portable default: none of them expands `$` inside single quotes except
 * python-dotenv, and Node's dotenv keeps everything between the quotes verbatim. What breaks:
 *  - a `'`: no parser agrees on an escape for it (Node keeps `\'`, python and dotenvx turn it
 *    into `'`), and a bare one ends the value;
 *  - a CR: Node's dotenv rewrites CR and CRLF to LF before parsing, and python opens the file
 *    with universal newlines, so a CR never survives a raw write;
 *  - `\\`: python-dotenv decodes `\\` to `\` inside single quotes;
 *  - a final `\`: the closing quote then reads as `\'`, so compose-go runs on past it and
 *    python-dotenv swallows the following entries up to the next quote in the file;
 *  - `${…}` in python-dotenv's syntax: it interpolates every value, single-quoted or not.
 * Double quotes are the fallback when single quotes fail: every parser decodes `\r` there (so a
 * CR can be written as `\r`), but they disagree on every other backslash sequence and compose-go
 * and dotenvx expand `$` in them, so the value must have no `\`, no `$` and no `"`.
 */

const NUL = '\0';
const LONE_SURROGATE = /\p{Cs}/u;

/** python-dotenv's own `_posix_variable` pattern (dotenv/variables.py); anything it matches is replaced. */
const PYTHON_DOTENV_REFERENCE = /\$\{[^}:]*(?::-[^}]*)?\}/;

export type DotenvQuoting = 'single' | 'double';

export type DotenvPlan = { readonly quoting: DotenvQuoting } | { readonly reason: string };

/** Why a value cannot be written as text at all; shared by the shell and dotenv formats. */
function textReason(value: string): string | null {
  if (value.includes(NUL)) {
    // An environment variable is a C string: nothing can set one that holds a NUL.
    return 'contains a NUL character';
  }
  if (LONE_SURROGATE.test(value)) {
    // UTF-8 has no encoding for half a surrogate pair; writing one would silently become U+FFFD.
    return 'contains an unpaired surrogate, which is not valid Unicode text';
  }
  return null;
}

function singleQuoteBlockers(value: string): string[] {
  const blockers: string[] = [];
  if (value.includes("'")) blockers.push('a single quote');
  if (value.includes('\r')) blockers.push('a carriage return');
  if (value.includes('\\\\')) blockers.push('two backslashes in a row');
  if (value.endsWith('\\')) blockers.push('a backslash at the end');
  if (PYTHON_DOTENV_REFERENCE.test(value)) blockers.push('a ${…} variable reference');
  return blockers;
}

function doubleQuoteBlockers(value: string): string[] {
  const blockers: string[] = [];
  if (value.includes('"')) blockers.push('a double quote');
  if (value.includes('\\')) blockers.push('a backslash');
  if (value.includes('$')) blockers.push('a dollar sign');
  return blockers;
}

function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1) ?? ''}`;
}

export function planDotenv(value: string): DotenvPlan {
  const text = textReason(value);
  if (text !== null) return { reason: text };
  const single = singleQuoteBlockers(value);
  if (single.length === 0) return { quoting: 'single' };
  const double = doubleQuoteBlockers(value);
  if (double.length === 0) return { quoting: 'double' };
  // Say each problem once: a backslash or `${` already named for single quotes explains the
  // double-quote blocker too.
  const mentionsBackslash = single.some((phrase) => phrase.includes('backslash'));
  const mentionsReference = single.some((phrase) => phrase.includes('${'));
  const extra = double.filter(
    (phrase) => !(phrase === 'a backslash' && mentionsBackslash) && !(phrase === 'a dollar sign' && mentionsReference),
  );
  return { reason: `contains ${joinPhrases([...single, ...extra])}` };
}

/** null: `format` carries `value` exactly. Otherwise a short reason that describes the value without quoting any of it. */
export function cannotCarryReason(value: string, format: ExportFormat): string | null {
  switch (format) {
    case 'json':
      // JSON escapes every code unit it cannot write raw, lone surrogates and NUL included.
      return null;
    case 'shell':
      return textReason(value);
    case 'dotenv': {
      const plan = planDotenv(value);
      return 'reason' in plan ? plan.reason : null;
    }
  }
}
