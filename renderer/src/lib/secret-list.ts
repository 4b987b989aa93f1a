import type { RotationStatus, Secret } from '../api/types';

export type SortKey = 'due' | 'name';

export interface ListFilters {
  readonly query: string;
  /** null: every project; '' is "no project". */
  readonly project: string | null;
  readonly status: RotationStatus | null;
}

export const NO_FILTERS: ListFilters = { query: '', project: null, status: null };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Most urgent first: exposed, then by due date, ties by name (the order main and the CLI use). */
export function byUrgency(a: Secret, b: Secret): number {
  const exposed = Number(b.status === 'exposed') - Number(a.status === 'exposed');
  if (exposed !== 0) return exposed;
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
  return collator.compare(a.name, b.name);
}

export function byName(a: Secret, b: Secret): number {
  return collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

export function sortSecrets(secrets: readonly Secret[], key: SortKey): Secret[] {
  return [...secrets].sort(key === 'due' ? byUrgency : byName);
}

/** What a search matches: name, env var, project and provider, case-insensitively. */
export function searchText(secret: Secret): string {
  return `${secret.name}\n${secret.envVar}\n${secret.project}\n${secret.providerName}\n${secret.provider}`.toLowerCase();
}

/**
 * Filters an already sorted list in memory (no call to main per keystroke). Every term of the
 * query must match; `haystacks` is searchText per secret, computed once per list.
 */
export function filterSecrets(sorted: readonly Secret[], haystacks: ReadonlyMap<string, string>, filters: ListFilters): Secret[] {
  const terms = filters.query
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== '');
  return sorted.filter((secret) => {
    if (filters.project !== null && secret.project !== filters.project) return false;
    if (filters.status !== null && secret.status !== filters.status) return false;
    if (terms.length === 0) return true;
    const haystack = haystacks.get(secret.id) ?? '';
    return terms.every((term) => haystack.includes(term));
  });
}

export type StatusCounts = Record<RotationStatus | 'all', number>;

export function countByStatus(secrets: readonly Secret[], project: string | null): StatusCounts {
  const counts: StatusCounts = { all: 0, ok: 0, 'due-soon': 0, overdue: 0, exposed: 0 };
  for (const secret of secrets) {
    if (project !== null && secret.project !== project) continue;
    counts.all++;
    counts[secret.status]++;
  }
  return counts;
}

/** Projects with their key counts, "no project" ('') last. */
export function projectCounts(secrets: readonly Secret[]): Array<{ project: string; count: number }> {
  const counts = new Map<string, number>();
  for (const secret of secrets) counts.set(secret.project, (counts.get(secret.project) ?? 0) + 1);
  return [...counts]
    .map(([project, count]) => ({ project, count }))
    .sort((a, b) => (a.project === '' ? 1 : b.project === '' ? -1 : collator.compare(a.project, b.project)));
}
