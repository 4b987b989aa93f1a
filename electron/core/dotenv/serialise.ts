import { RekeyError } from '../errors.js';
import { cannotCarryReason, planDotenv } from './carry.js';
import { ENV_VAR_NAME_RULE, isValidEnvVarName } from './env-var-name.js';
import { EXPORT_FORMATS } from './formats.js';
import type { ExportEntry, ExportFormat } from './formats.js';

const HEADER = '# Exported by Rekey. This file holds secrets: keep it out of version control.';

/** POSIX single quotes keep every byte literally; only `'` itself needs closing, escaping and reopening. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function dotenvLine(entry: ExportEntry): string {
  const plan = planDotenv(entry.value);
  if ('reason' in plan) {
    // serialise checks every entry before writing any line; reaching this is a bug, not bad input.
    throw new Error(`dotenv cannot carry the value of "${entry.name}"`);
  }
  if (plan.quoting === 'single') return `${entry.envVar}='${entry.value}'`;
  // planDotenv only picks double quotes for values without `\`, `"` or `$`, so `\r` is the one
  // escape written and every parser decodes it the same way.
  return `${entry.envVar}="${entry.value.replaceAll('\r', '\\r')}"`;
}

function checkNames(entries: readonly ExportEntry[]): void {
  const invalid = entries.filter((entry) => !isValidEnvVarName(entry.envVar));
  if (invalid.length > 0) {
    const list = invalid.map((entry) => `"${entry.name}" (${JSON.stringify(entry.envVar)})`).join(', ');
    throw new RekeyError('invalid-input', `Cannot export ${list}: an environment variable name must use ${ENV_VAR_NAME_RULE}.`);
  }
  const firstByEnvVar = new Map<string, ExportEntry>();
  const clashes: string[] = [];
  for (const entry of entries) {
    const first = firstByEnvVar.get(entry.envVar);
    if (first === undefined) firstByEnvVar.set(entry.envVar, entry);
    else clashes.push(`"${first.name}" and "${entry.name}" both use ${entry.envVar}`);
  }
  if (clashes.length > 0) {
    throw new RekeyError('invalid-input', `Cannot export: ${clashes.join('; ')}. One file can set each environment variable only once.`);
  }
}

function checkCarried(entries: readonly ExportEntry[], format: ExportFormat): void {
  const refused = entries.flatMap((entry) => {
    const reason = cannotCarryReason(entry.value, format);
    return reason === null ? [] : [{ entry, reason }];
  });
  if (refused.length === 0) return;
  const alternatives = EXPORT_FORMATS.filter(
    (other) => other !== format && refused.every(({ entry }) => cannotCarryReason(entry.value, other) === null),
  );
  // worded for both the CLI (--format) and the window's format picker
  const advice = `Choose the ${alternatives.join(' or ')} format instead.`;
  const [only] = refused;
  if (refused.length === 1 && only !== undefined) {
    throw new RekeyError(
      'format-cannot-carry',
      `Cannot export "${only.entry.name}" (${only.entry.envVar}) as ${format}: it ${only.reason}. ${advice}`,
    );
  }
  const list = refused.map(({ entry, reason }) => `"${entry.name}" (${entry.envVar}) ${reason}`).join('; ');
  throw new RekeyError('format-cannot-carry', `Cannot export ${refused.length} secrets as ${format}: ${list}. ${advice}`);
}

/**
 * The file's text, entries in the order given, ending with a newline. Throws before producing
 * anything if one entry is unfit, so a caller never writes half an export.
 */
export function serialise(entries: readonly ExportEntry[], format: ExportFormat): string {
  checkNames(entries);
  checkCarried(entries, format);
  switch (format) {
    case 'shell':
      return [HEADER, ...entries.map((entry) => `export ${entry.envVar}=${shellQuote(entry.value)}`)].join('\n') + '\n';
    case 'dotenv':
      return [HEADER, ...entries.map(dotenvLine)].join('\n') + '\n';
    case 'json': {
      if (entries.length === 0) return '{}\n';
      // Built by hand rather than from an object: a plain object would drop `__proto__`, a valid
      // variable name, and would not promise the order given.
      const members = entries.map((entry) => `  ${JSON.stringify(entry.envVar)}: ${JSON.stringify(entry.value)}`);
      return `{\n${members.join(',\n')}\n}\n`;
    }
  }
}
