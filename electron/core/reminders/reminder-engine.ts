import { addDays, isBefore, isSameDay, subDays } from 'date-fns';
import type { SnoozeChoice } from './reminder-choices.js';

/**
 * The reminder rules (docs/architecture.md §4) as a pure function of (now, secrets, settings, what was
 * already said): the main process only delivers the notices and stores the new memory, so a
 * restart never repeats a notice and a machine that slept for weeks gets one notice per key.
 */
export type NoticeKind = 'due-soon' | 'due' | 'overdue' | 'exposed';

export interface ReminderSecret {
  readonly id: string;
  readonly name: string;
  readonly dueAt: Date;
  readonly exposedAt: Date | null;
}

export interface ReminderSettings {
  /** Days before the due date the "due soon" notice goes out. */
  readonly leadDays: number;
  /** While a key stays overdue (or exposed), a notice every this many days. */
  readonly overdueRepeatDays: number;
}

/** What was last said about one key, and the key's own overrides. */
export interface ReminderMemory {
  readonly lastKind: NoticeKind | null;
  /** The due date the last notice was about: a rotation moves it and starts a new cycle. */
  readonly lastDueAt: string | null;
  /** The exposure the last notice was about: a new exposure is news even mid-cycle. */
  readonly lastExposedAt: string | null;
  readonly lastNotifiedAt: string | null;
  readonly snoozedUntil: string | null;
  /** Overrides ReminderSettings.leadDays for this key. */
  readonly leadDays: number | null;
}

export const NO_MEMORY: ReminderMemory = {
  lastKind: null,
  lastDueAt: null,
  lastExposedAt: null,
  lastNotifiedAt: null,
  snoozedUntil: null,
  leadDays: null,
};

export interface Notice {
  readonly secretId: string;
  readonly name: string;
  readonly kind: NoticeKind;
  readonly dueAt: string;
  /** It became due more than a day before this check (the machine was off or asleep). */
  readonly catchUp: boolean;
}

export interface ReminderDecision {
  readonly notices: Notice[];
  /** The memory to store for each key that got a notice (all other keys keep theirs). */
  readonly remember: Map<string, ReminderMemory>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function decideReminders(
  now: Date,
  secrets: readonly ReminderSecret[],
  settings: ReminderSettings,
  memory: ReadonlyMap<string, ReminderMemory>,
): ReminderDecision {
  const notices: Notice[] = [];
  const remember = new Map<string, ReminderMemory>();
  for (const secret of secrets) {
    const known = memory.get(secret.id) ?? NO_MEMORY;
    const next = decideOne(now, secret, settings, known);
    if (next === null) continue;
    // a notice held back by a snooze became due when the snooze ended, not before
    const snoozeEnd = known.snoozedUntil === null ? 0 : new Date(known.snoozedUntil).getTime();
    const since = Math.max(next.since.getTime(), snoozeEnd);
    notices.push({
      secretId: secret.id,
      name: secret.name,
      kind: next.kind,
      dueAt: secret.dueAt.toISOString(),
      catchUp: now.getTime() - since > DAY_MS,
    });
    remember.set(secret.id, {
      ...known,
      lastKind: next.kind,
      lastDueAt: secret.dueAt.toISOString(),
      lastExposedAt: secret.exposedAt?.toISOString() ?? null,
      lastNotifiedAt: now.toISOString(),
    });
  }
  return { notices, remember };
}

/** The one notice this key needs now (with when it became needed), or null. */
function decideOne(
  now: Date,
  secret: ReminderSecret,
  settings: ReminderSettings,
  known: ReminderMemory,
): { kind: NoticeKind; since: Date } | null {
  const dueIso = secret.dueAt.toISOString();
  const sameCycle = known.lastDueAt === dueIso;
  const lastInCycle = sameCycle ? known.lastKind : null;
  const lastAt = known.lastNotifiedAt === null ? null : new Date(known.lastNotifiedAt);
  const repeatAfter = (from: Date) => addDays(from, settings.overdueRepeatDays);

  if (secret.exposedAt !== null) {
    const exposedIso = secret.exposedAt.toISOString();
    // a fresh exposure is told at once, snooze or not: it is the one thing that cannot wait
    if (known.lastExposedAt !== exposedIso || lastInCycle === null) return { kind: 'exposed', since: secret.exposedAt };
    if (isSnoozed(now, known)) return null;
    const again = repeatAfter(lastAt ?? secret.exposedAt);
    return isBefore(now, again) ? null : { kind: 'exposed', since: again };
  }

  if (isSnoozed(now, known)) return null;
  if (!isBefore(now, secret.dueAt)) {
    if (lastInCycle === null || lastInCycle === 'due-soon') {
      return { kind: isSameDay(now, secret.dueAt) ? 'due' : 'overdue', since: secret.dueAt };
    }
    const again = repeatAfter(lastAt ?? secret.dueAt);
    return isBefore(now, again) ? null : { kind: 'overdue', since: again };
  }
  const leadDays = known.leadDays ?? settings.leadDays;
  const leadStarts = subDays(secret.dueAt, leadDays);
  if (leadDays > 0 && !isBefore(now, leadStarts) && lastInCycle === null) return { kind: 'due-soon', since: leadStarts };
  return null;
}

function isSnoozed(now: Date, known: ReminderMemory): boolean {
  return known.snoozedUntil !== null && isBefore(now, new Date(known.snoozedUntil));
}

export function snoozeUntil(now: Date, choice: SnoozeChoice): Date {
  return addDays(now, choice === '1d' ? 1 : 7);
}
