/**
 * What a user may choose about reminders, apart from the rules in reminder-engine.ts, so the
 * settings schema and the IPC contract take their bounds from here without loading date-fns.
 */
export const SNOOZE_CHOICES = ['1d', '1w'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** The "due soon" lead time, for the default in settings and a key's own override alike. */
export const MIN_LEAD_DAYS = 0;
export const MAX_LEAD_DAYS = 365;
