import { addDays, differenceInCalendarDays, isBefore, subDays } from 'date-fns';

export type RotationStatus = 'ok' | 'due-soon' | 'overdue' | 'exposed';
export const ROTATION_STATUSES: readonly RotationStatus[] = ['ok', 'due-soon', 'overdue', 'exposed'];

export const DEFAULT_ROTATE_EVERY_DAYS = 90;
export const DEFAULT_LEAD_DAYS = 14;

export interface RotationFacts {
  readonly rotatedAt: Date;
  readonly rotateEveryDays: number;
  readonly exposedAt: Date | null;
}

export interface RotationState {
  readonly dueAt: Date;
  readonly status: RotationStatus;
  /** Calendar days from today to the due day; negative when overdue. */
  readonly daysUntilDue: number;
}

export function dueDate(rotatedAt: Date, rotateEveryDays: number): Date {
  return addDays(rotatedAt, rotateEveryDays);
}

/** ARCHITECTURE §3: exposed beats everything; otherwise by the due date and the lead time. */
export function rotationState(facts: RotationFacts, now: Date, leadDays: number = DEFAULT_LEAD_DAYS): RotationState {
  const dueAt = dueDate(facts.rotatedAt, facts.rotateEveryDays);
  const daysUntilDue = differenceInCalendarDays(dueAt, now);
  let status: RotationStatus;
  if (facts.exposedAt !== null) status = 'exposed';
  else if (!isBefore(now, dueAt)) status = 'overdue';
  else if (!isBefore(now, subDays(dueAt, leadDays))) status = 'due-soon';
  else status = 'ok';
  return { dueAt, status, daysUntilDue };
}

export function isRotationStatus(value: string): value is RotationStatus {
  return (ROTATION_STATUSES as readonly string[]).includes(value);
}
