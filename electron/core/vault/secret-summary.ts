import { findProvider } from '../providers/index.js';
import type { RotationStatus } from '../rotation/index.js';
import type { SecretListRow, VersionRow } from '../store/secret-repository.js';

/** The metadata of a secret as every caller sees it; stable camelCase, ISO 8601 dates. */
export interface SecretSummary {
  readonly id: string;
  readonly name: string;
  readonly envVar: string;
  readonly provider: string;
  readonly providerName: string;
  readonly project: string;
  readonly notes: string;
  readonly masked: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly rotatedAt: string;
  readonly rotateEveryDays: number;
  readonly dueAt: string;
  readonly status: RotationStatus;
  readonly exposedAt: string | null;
  readonly rotateUrl: string | null;
  /** Its row fails its MAC (changed outside Rekey): its value is refused until it is restored. */
  readonly altered: boolean;
}

export interface VersionSummary {
  readonly version: number;
  readonly masked: string;
  readonly createdAt: string;
  readonly rotatedAt: string;
  readonly retiredAt: string | null;
  readonly current: boolean;
}

/** judge comes from statusJudge(now, leadDays), made once per list; altered from RecordIntegrity. */
export function summarise(
  row: SecretListRow,
  judge: (dueAt: string, exposedAt: string | null) => RotationStatus,
  altered = false,
): SecretSummary {
  const provider = findProvider(row.provider);
  return {
    id: row.id,
    name: row.name,
    envVar: row.env_var,
    provider: row.provider,
    providerName: provider?.displayName ?? row.provider,
    project: row.project,
    notes: row.notes,
    masked: row.masked,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    rotatedAt: row.rotated_at,
    rotateEveryDays: row.rotate_every_days,
    dueAt: row.due_at,
    status: judge(row.due_at, row.exposed_at),
    exposedAt: row.exposed_at,
    rotateUrl: provider?.rotateUrl ?? null,
    altered,
  };
}

export function summariseVersion(row: VersionRow): VersionSummary {
  return {
    version: row.version,
    masked: row.masked,
    createdAt: row.created_at,
    rotatedAt: row.rotated_at,
    retiredAt: row.retired_at,
    current: row.retired_at === null,
  };
}

/** Most urgent first: exposed, then by due date; ties by name so the order is stable. */
export function byUrgency(a: SecretSummary, b: SecretSummary): number {
  const exposed = Number(b.status === 'exposed') - Number(a.status === 'exposed');
  if (exposed !== 0) return exposed;
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
