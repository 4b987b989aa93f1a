import { type ParsedEnvFile, codeLoadingWarning } from '../dotenv/index.js';
import { RekeyError } from '../errors.js';
import { detectProvider, maskValue } from '../providers/index.js';
import { parseField, projectSchema } from './secret-fields.js';
import { checkSecretValue } from './secret-value.js';
import type { AddResult, Vault } from './vault.js';

export interface ImportRow {
  readonly envVar: string;
  readonly name: string;
  readonly provider: string;
  readonly providerName: string;
  readonly masked: string;
  /** Why this row cannot be imported (a name or env var clash, an unstorable value); null when it can. */
  readonly problem: string | null;
  /** Secrets that already hold the same value. */
  readonly sameValueAs: readonly string[];
  /** The variable makes programs load code (PATH, LD_PRELOAD…): stored, but `rekey run` will never pass it. */
  readonly warning: string | null;
}

export interface ImportPlan {
  readonly source: string;
  readonly project: string;
  readonly rows: readonly ImportRow[];
  readonly ignoredLines: readonly number[];
  readonly importable: boolean;
}

interface PlanWithValues extends ImportPlan {
  readonly values: readonly string[];
}

/** Inside a project the env var is namespaced, so two projects can both hold OPENAI_API_KEY. */
export function importName(envVar: string, project: string): string {
  return project === '' ? envVar : `${project}/${envVar}`;
}

/** The preview: what would be stored, masked, and what stands in the way. Stores nothing. */
export function planImport(vault: Vault, parsed: ParsedEnvFile, source: string, project = ''): PlanWithValues {
  const checkedProject = parseField(projectSchema, project, 'project');
  const secrets = vault.list();
  const existing = new Set(secrets.map((secret) => secret.name));
  const envVarOwner = new Map(secrets.filter((secret) => secret.project === checkedProject).map((secret) => [secret.envVar, secret.name]));
  const rows = parsed.entries.map(({ envVar, value }): ImportRow => {
    const name = importName(envVar, checkedProject);
    const provider = detectProvider(value);
    return {
      envVar,
      name,
      provider: provider.id,
      providerName: provider.displayName,
      masked: maskValue(value, provider.id),
      problem: problemWith(name, envVar, value, existing, envVarOwner, checkedProject),
      sameValueAs: vault
        .whoHolds(value)
        .filter((hit) => hit.current)
        .map((hit) => hit.name),
      warning: codeLoadingWarning(name, envVar, 'import'),
    };
  });
  return {
    source,
    project: checkedProject,
    rows,
    ignoredLines: parsed.ignoredLines,
    importable: rows.every((row) => row.problem === null),
    values: parsed.entries.map((entry) => entry.value),
  };
}

/** What would make the import fail, found before anything is stored, so the preview tells the truth. */
function problemWith(
  name: string,
  envVar: string,
  value: string,
  existing: ReadonlySet<string>,
  envVarOwner: ReadonlyMap<string, string>,
  project: string,
): string | null {
  if (existing.has(name)) return `a secret named "${name}" already exists`;
  const owner = envVarOwner.get(envVar);
  if (owner !== undefined) {
    return `"${owner}" already sets ${envVar} in ${project === '' ? 'the vault outside projects' : `project "${project}"`}`;
  }
  try {
    checkSecretValue(value, envVar);
    return null;
  } catch (error) {
    if (error instanceof RekeyError) return error.message.replace(/\.$/, '');
    throw error;
  }
}

/** All or nothing: a clash anywhere stores nothing. */
export function applyImport(vault: Vault, plan: PlanWithValues): AddResult[] {
  const blocked = plan.rows.filter((row) => row.problem !== null);
  if (blocked.length > 0) {
    throw new RekeyError(
      'already-exists',
      `Nothing was imported from ${plan.source}: ${blocked.map((row) => row.problem).join('; ')}. ` +
        'Fix those lines, rename or remove the clashing secrets, or import into another project.',
    );
  }
  return vault.addMany(
    plan.rows.map((row, index) => ({
      input: { name: row.name, envVar: row.envVar, project: plan.project, provider: row.provider },
      value: plan.values[index] as string,
    })),
  );
}
