/**
 * The states a key's rotation can be in, apart from the date arithmetic in status.ts, so the IPC
 * contract and the CLI can name them without loading date-fns.
 */
export const ROTATION_STATUSES = ['ok', 'due-soon', 'overdue', 'exposed'] as const;
export type RotationStatus = (typeof ROTATION_STATUSES)[number];

export function isRotationStatus(value: string): value is RotationStatus {
  return (ROTATION_STATUSES as readonly string[]).includes(value);
}
