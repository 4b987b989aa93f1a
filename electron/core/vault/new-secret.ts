import { RekeyError } from '../errors.js';
import { type Provider, checkFormat, detectProvider, findProvider } from '../providers/index.js';
import {
  checkRotatedAt,
  envVarFromName,
  envVarSchema,
  notesSchema,
  parseField,
  projectSchema,
  rotateEveryDaysSchema,
  secretNameSchema,
} from './secret-fields.js';
import { checkSecretValue } from './secret-value.js';

export interface NewSecret {
  readonly name: string;
  readonly envVar?: string | undefined;
  readonly project?: string | undefined;
  readonly provider?: string | undefined;
  readonly rotateEveryDays?: number | undefined;
  readonly rotatedAt?: Date | undefined;
  readonly notes?: string | undefined;
}

/** A new secret checked and completed, ready to seal and insert. */
export interface PreparedSecret {
  readonly name: string;
  readonly value: string;
  readonly warnings: readonly string[];
  readonly provider: string;
  readonly envVar: string;
  readonly project: string;
  readonly notes: string;
  readonly rotateEveryDays: number;
  readonly rotatedAt: Date;
}

/** A provider named by id; an unknown id is refused with the list of valid ones. */
export function knownProvider(id: string): Provider {
  const provider = findProvider(id);
  if (!provider) {
    // checkFormat names the valid ids in its error
    checkFormat(id, '');
    throw new RekeyError('invalid-input', `Unknown provider "${id}".`);
  }
  return provider;
}

/** An interval given wins; then the provider's own (AWS: 60); then the user's default from settings. */
export function defaultInterval(provider: Provider, userDefault: number): number {
  return provider.defaultRotateEveryDays ?? userDefault;
}

/**
 * Checks what the user gave and fills in the rest: the provider (named, or detected from the
 * value), the env var, the interval and the rotation date. Format doubts become warnings.
 */
export function prepareNew(input: NewSecret, value: string, now: Date, userDefault: number): PreparedSecret {
  const name = parseField(secretNameSchema, input.name, 'name');
  checkSecretValue(value, `"${name}"`);
  const warnings: string[] = [];
  let provider: Provider;
  if (input.provider !== undefined) {
    provider = knownProvider(input.provider);
    const formatWarning = checkFormat(provider.id, value);
    if (formatWarning) warnings.push(formatWarning);
  } else {
    provider = detectProvider(value);
  }
  const envVar = parseField(envVarSchema, input.envVar ?? provider.suggestedEnvVar ?? envVarFromName(name), 'env var name');
  return {
    name,
    value,
    warnings,
    provider: provider.id,
    envVar,
    project: parseField(projectSchema, input.project ?? '', 'project'),
    notes: parseField(notesSchema, input.notes ?? '', 'notes'),
    rotateEveryDays: parseField(
      rotateEveryDaysSchema,
      input.rotateEveryDays ?? defaultInterval(provider, userDefault),
      'rotation interval',
    ),
    rotatedAt: input.rotatedAt === undefined ? now : checkRotatedAt(input.rotatedAt, now),
  };
}
