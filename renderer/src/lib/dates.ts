import { type Locale, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { RotationStatus } from '../api/types';

/** A calendar day in the user's locale, e.g. "Jan 3, 2026" or "3. Jan. 2026". */
export function formatDay(iso: string, locale: Locale): string {
  return format(parseISO(iso), 'PP', { locale });
}

/** Day and time in the user's locale. */
export function formatMoment(iso: string, locale: Locale): string {
  return format(parseISO(iso), 'PPp', { locale });
}

/** yyyy-MM-dd for <input type="date">, in local time. */
export function toDateInputValue(iso: string): string {
  return format(parseISO(iso), 'yyyy-MM-dd');
}

/** <input type="date"> value -> an ISO instant at local midnight (never in the future for today). */
export function fromDateInputValue(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export interface DueWords {
  readonly text: string;
  readonly tone: RotationStatus;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/**
 * The due date as words and a tone. The tone is main's status (it knows the lead time); the
 * words count calendar days from now to dueAt, so they are computed per visible row only.
 */
export function dueWords(dueAt: string, status: RotationStatus, now: Date): DueWords {
  if (status === 'exposed') return { text: 'Exposed', tone: 'exposed' };
  const left = differenceInCalendarDays(parseISO(dueAt), now);
  if (left < 0) return { text: `Overdue by ${days(-left)}`, tone: 'overdue' };
  if (left === 0) return { text: status === 'overdue' ? 'Overdue since today' : 'Due today', tone: status };
  if (left === 1) return { text: 'Due tomorrow', tone: status };
  return { text: `Due in ${days(left)}`, tone: status };
}
