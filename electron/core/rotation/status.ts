import { addDays, differenceInCalendarDays, isBefore } from 'date-fns';
import type { RotationStatus } from './statuses.js';

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
}

export function dueDate(rotatedAt: Date, rotateEveryDays: number): Date {
  return addDays(rotatedAt, rotateEveryDays);
}

/**
 * docs/architecture.md §4: exposed beats everything; overdue from the due instant; due-soon once the
 * due instant is within the lead time of now.
 */
export function rotationState(facts: RotationFacts, now: Date, leadDays: number = DEFAULT_LEAD_DAYS): RotationState {
  const dueAt = dueDate(facts.rotatedAt, facts.rotateEveryDays);
  let status: RotationStatus;
  if (facts.exposedAt !== null) status = 'exposed';
  else if (!isBefore(now, dueAt)) status = 'overdue';
  else if (!isBefore(addDays(now, leadDays), dueAt)) status = 'due-soon';
  else status = 'ok';
  return { dueAt, status };
}

/**
 * The same rule for a whole list at once: the thresholds are computed once, and each secret
 * costs two comparisons of ISO 8601 UTC strings (which sort like the instants they name).
 * "In N days" is presentation, computed by daysUntilDue for the rows actually shown.
 */
export function statusJudge(now: Date, leadDays: number = DEFAULT_LEAD_DAYS): (dueAt: string, exposedAt: string | null) => RotationStatus {
  const nowIso = now.toISOString();
  const soonIso = addDays(now, leadDays).toISOString();
  return (dueAt, exposedAt) => (exposedAt !== null ? 'exposed' : dueAt <= nowIso ? 'overdue' : dueAt <= soonIso ? 'due-soon' : 'ok');
}

/** Calendar days from today to the due day in the local time zone; negative when overdue. */
export function daysUntilDue(dueAt: Date | string, now: Date): number {
  return differenceInCalendarDays(new Date(dueAt), now);
}
