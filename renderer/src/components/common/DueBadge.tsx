import type { Locale } from 'date-fns';
import type { Secret } from '../../api/types';
import { dueWords, formatDay } from '../../lib/dates';
import { Icon, type IconName } from './Icon';
import './due-badge.css';

const icons: Record<Secret['status'], IconName> = {
  ok: 'circleCheck',
  'due-soon': 'clock',
  overdue: 'alertCircle',
  exposed: 'shieldAlert',
};

/** "Due in 5 days", "Overdue by 3 days", "Exposed": words and colour for one secret's due date. */
export function DueBadge({ secret, now, locale }: { secret: Pick<Secret, 'dueAt' | 'status' | 'exposedAt'>; now: Date; locale: Locale }) {
  const { text, tone } = dueWords(secret.dueAt, secret.status, now);
  const detail =
    secret.status === 'exposed' && secret.exposedAt !== null
      ? `Marked exposed on ${formatDay(secret.exposedAt, locale)}: rotate it now`
      : `Due on ${formatDay(secret.dueAt, locale)}`;
  return (
    <span className={`due due--${tone}`} title={detail}>
      <Icon name={icons[tone]} size={14} />
      {text}
    </span>
  );
}
