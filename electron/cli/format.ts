import { format } from 'date-fns';
import { type SecretSummary, type VersionSummary, daysUntilDue } from '../core/index.js';
import { jsonSafe, oneLine } from './terminal-safe.js';

export function day(iso: string): string {
  return format(new Date(iso), 'yyyy-MM-dd');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** The status as words, the way the window will show it. */
export function dueWords(secret: Pick<SecretSummary, 'status' | 'dueAt'>, now: Date = new Date()): string {
  if (secret.status === 'exposed') return 'exposed: rotate now';
  const days = daysUntilDue(secret.dueAt, now);
  if (days < 0) return `overdue by ${plural(-days, 'day')}`;
  if (days === 0) return secret.status === 'overdue' ? 'due today (overdue)' : 'due today';
  return `due in ${plural(days, 'day')}`;
}

/** Every cell is escaped to one line (terminal-safe.ts): names, notes and paths are not ours to trust. */
export function table(headers: readonly string[], unsafeRows: ReadonlyArray<readonly string[]>): string {
  const rows = unsafeRows.map((row) => row.map(oneLine));
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => [...(row[column] ?? '')].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}

export function secretsTable(secrets: readonly SecretSummary[]): string {
  return table(
    ['NAME', 'PROVIDER', 'PROJECT', 'ENV VAR', 'VALUE', 'ROTATED', 'DUE', 'STATUS'],
    secrets.map((secret) => [
      secret.name,
      secret.providerName,
      secret.project || '-',
      secret.envVar,
      secret.masked,
      day(secret.rotatedAt),
      day(secret.dueAt),
      secret.altered ? `ALTERED; ${dueWords(secret)}` : dueWords(secret),
    ]),
  );
}

export function secretDetails(secret: SecretSummary, undoableUntil: string | null): string {
  const rows: Array<[string, string]> = [
    ['Name', secret.name],
    ['Provider', secret.providerName],
    ['Project', secret.project || '-'],
    ['Env var', secret.envVar],
    ['Value', secret.masked],
    ['Version', String(secret.version)],
    ['Created', day(secret.createdAt)],
    ['Last rotated', day(secret.rotatedAt)],
    ['Rotate every', `${secret.rotateEveryDays} days`],
    ['Due', `${day(secret.dueAt)} (${dueWords(secret)})`],
  ];
  if (secret.altered) rows.unshift(['ALTERED', 'changed outside Rekey: its value is refused (`rekey audit verify` says what changed)']);
  if (secret.exposedAt) rows.push(['Exposed since', day(secret.exposedAt)]);
  if (secret.rotateUrl) rows.push(['Rotate at', secret.rotateUrl]);
  if (undoableUntil) rows.push(['Undo rotation', `possible until ${day(undoableUntil)}`]);
  if (secret.notes) rows.push(['Notes', secret.notes]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${oneLine(value)}`).join('\n') + '\n';
}

export function historyTable(versions: readonly VersionSummary[]): string {
  return table(
    ['VERSION', 'VALUE', 'ROTATED', 'RETIRED', ''],
    versions.map((version) => [
      String(version.version),
      version.masked,
      day(version.rotatedAt),
      version.retiredAt ? day(version.retiredAt) : '-',
      version.current ? 'current' : '',
    ]),
  );
}

export function json(value: unknown): string {
  return jsonSafe(JSON.stringify(value, null, 2)) + '\n';
}
