import { differenceInCalendarDays } from 'date-fns';
import type { Notice } from '../../core/index.js';

export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Names and dates only: a notification never carries a value (not even masked). */
export function noticeText(notice: Notice, now: Date): NotificationText {
  const days = differenceInCalendarDays(new Date(notice.dueAt), now);
  const late = notice.catchUp ? ' (missed while your computer was off or asleep)' : '';
  switch (notice.kind) {
    case 'due-soon':
      return {
        title: `${notice.name} is due for rotation ${days <= 0 ? 'today' : `in ${plural(days, 'day')}`}`,
        body: `Rotate it before it is overdue.${late}`,
      };
    case 'due':
      return { title: `${notice.name} is due for rotation today`, body: `Open Rekey to rotate it.${late}` };
    case 'overdue':
      return { title: `${notice.name} is overdue by ${plural(Math.max(1, -days), 'day')}`, body: `Rotate it as soon as you can.${late}` };
    case 'exposed':
      return { title: `${notice.name} is marked as exposed`, body: `Rotate it now: an exposed key is due immediately.${late}` };
  }
}

/** More than this many at once (a catch-up after weeks away) become one summary notification. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

export function summaryText(notices: readonly Notice[]): NotificationText {
  const names = notices.slice(0, 3).map((notice) => notice.name);
  const more = notices.length - names.length;
  return {
    title: `${notices.length} keys need rotating`,
    body: `${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}. Open Rekey to see them.`,
  };
}
