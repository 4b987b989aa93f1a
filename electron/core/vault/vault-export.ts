import { type ExportFormat, codeLoadingWarning, serialise } from '../dotenv/index.js';
import { RekeyError } from '../errors.js';
import type { SecretSummary } from './secret-summary.js';
import type { Vault } from './vault.js';

export interface ExportSelection {
  readonly project?: string | undefined;
  /** Explicit secret names; when given, project is ignored. */
  readonly names?: readonly string[] | undefined;
}

export interface ExportResult {
  readonly text: string;
  readonly names: readonly string[];
  /** Keys that set a variable which makes programs load code (PATH, LD_PRELOAD…): written, but worth a word. */
  readonly warnings: readonly string[];
}

/** An empty selection is refused: a typo in --project should not quietly export or run nothing. */
function selectSecrets(vault: Vault, selection: ExportSelection, purpose: string): SecretSummary[] {
  const secrets =
    selection.names !== undefined ? selection.names.map((name) => vault.show(name)) : vault.list({ project: selection.project });
  if (secrets.length === 0) {
    const where = selection.project === undefined ? 'the vault' : `project "${selection.project}"`;
    throw new RekeyError('not-found', `Nothing to ${purpose}: ${where} holds no secrets.`);
  }
  return secrets;
}

/**
 * Serialises the chosen secrets. Nothing is audited unless the whole selection can be
 * carried by the format; the caller writes the text only after this returns.
 */
export function exportSecrets(vault: Vault, selection: ExportSelection, format: ExportFormat, destination: string): ExportResult {
  const secrets = selectSecrets(vault, selection, 'export');
  const ordered = [...secrets].sort((a, b) => (a.envVar < b.envVar ? -1 : a.envVar > b.envVar ? 1 : 0));
  const names = ordered.map((secret) => secret.name);
  const text = vault.withRevealed(ordered, 'export', { format, destination }, (values) =>
    serialise(
      ordered.map((secret, index) => ({ name: secret.name, envVar: secret.envVar, value: values[index] as string })),
      format,
    ),
  );
  const warnings = ordered.flatMap((secret) => codeLoadingWarning(secret.name, secret.envVar, 'export') ?? []);
  return { text, names, warnings };
}

/** What an export would refuse, checked without disclosing anything: null when it can go ahead. */
export function exportRefusal(vault: Vault, selection: ExportSelection, format: ExportFormat): string | null {
  const secrets = selectSecrets(vault, selection, 'export');
  return vault.checkValues(secrets, (values) => {
    try {
      serialise(
        secrets.map((secret, index) => ({ name: secret.name, envVar: secret.envVar, value: values[index] as string })),
        format,
      );
      return null;
    } catch (error) {
      if (error instanceof RekeyError) return error.message;
      throw error;
    }
  });
}

export interface RunEnvironment {
  readonly env: Record<string, string>;
  /** One line per key left out because its variable makes the child load code (see code-loading-variables.ts). */
  readonly warnings: readonly string[];
}

/**
 * Values for a child process's environment (`rekey run`); audited as 'run'. A key whose env
 * var makes programs load code (LD_PRELOAD, PATH, NODE_OPTIONS…) is left out, and is never
 * even decrypted: whoever can write a vault row must not choose what code the child runs.
 */
export function environmentFor(vault: Vault, selection: ExportSelection, command: string): RunEnvironment {
  const selected = selectSecrets(vault, selection, 'run with');
  const warnings = selected.flatMap((secret) => codeLoadingWarning(secret.name, secret.envVar, 'run') ?? []);
  const secrets = selected.filter((secret) => codeLoadingWarning(secret.name, secret.envVar, 'run') === null);
  const byEnvVar = new Map<string, string>();
  for (const secret of secrets) {
    const other = byEnvVar.get(secret.envVar);
    if (other !== undefined) {
      throw new RekeyError(
        'invalid-input',
        `Both "${other}" and "${secret.name}" set ${secret.envVar}; choose one with --project or rename an env var with \`rekey edit\`.`,
      );
    }
    byEnvVar.set(secret.envVar, secret.name);
  }
  if (secrets.length === 0) return { env: {}, warnings };
  const env = vault.withRevealed(secrets, 'run', { command }, (values) =>
    Object.fromEntries(secrets.map((secret, index) => [secret.envVar, values[index] as string])),
  );
  return { env, warnings };
}
