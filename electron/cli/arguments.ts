import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isValid, parseISO } from 'date-fns';
import { UsageError } from './cli-context.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
}

/** Strict parsing: an unknown flag is a usage error naming the flag, not silently ignored. */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  options: Options,
  positionals: { min: number; max: number; names: string },
): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new UsageError(message.replace(/^Unknown option/, 'unknown option').replace(/\. To specify a positional.*$/, ''), command);
  }
  const count = parsed.positionals.length;
  if (count < positionals.min) throw new UsageError(`missing ${positionals.names}`, command);
  if (count > positionals.max) {
    // never echo it: the likeliest extra argument is a secret pasted in the wrong place
    const expected = positionals.max === 0 ? 'no arguments' : `only ${positionals.names}`;
    throw new UsageError(
      `too many arguments (${command} takes ${expected}); secret values are read from stdin, never from arguments`,
      command,
    );
  }
  return { values: parsed.values as Parsed['values'], positionals: parsed.positionals };
}

export function stringOption(parsed: Parsed, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(parsed: Parsed, name: string): boolean {
  return parsed.values[name] === true;
}

export function daysOption(parsed: Parsed, name: string, command: string): number | undefined {
  const raw = stringOption(parsed, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} takes a whole number of days, not "${raw}"`, command);
  return Number(raw);
}

export function dateOption(parsed: Parsed, name: string, command: string): Date | undefined {
  const raw = stringOption(parsed, name);
  if (raw === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? parseISO(raw) : undefined;
  if (!date || !isValid(date)) throw new UsageError(`--${name} takes a date as YYYY-MM-DD, not "${raw}"`, command);
  return date;
}
