// Local-time rules (due day, DST) are checked in a zone that has DST; Node honours a TZ change at run time.
process.env['TZ'] = 'Europe/Berlin';

import { describe, expect, it } from 'vitest';
import {
  type ReminderMemory,
  type ReminderSecret,
  type ReminderSettings,
  decideReminders,
  snoozeUntil,
} from '../../../electron/core/reminders/index.js';

const SETTINGS: ReminderSettings = { leadDays: 14, overdueRepeatDays: 3 };

interface Step {
  /** An instant with its offset, so each row says exactly which local wall-clock time it is. */
  readonly at: string;
  /** What the engine must say at this check: "name:kind" (with "+catch-up" when flagged), in order. */
  readonly expect: string[];
  /** Runs before the check: the user acts (snooze, lead override, exposure). */
  readonly before?: (world: World) => void;
}

interface World {
  secrets: ReminderSecret[];
  memory: Map<string, ReminderMemory>;
  at: Date;
}

const key = (name: string, dueAt: string, exposedAt: string | null = null): ReminderSecret => ({
  id: `id-${name}`,
  name,
  dueAt: new Date(dueAt),
  exposedAt: exposedAt === null ? null : new Date(exposedAt),
});

/** Runs checks in order, carrying the memory exactly as main stores it between checks. */
function run(secrets: ReminderSecret[], steps: Step[], settings: ReminderSettings = SETTINGS): void {
  const world: World = { secrets, memory: new Map(), at: new Date(0) };
  for (const step of steps) {
    world.at = new Date(step.at);
    step.before?.(world);
    const decision = decideReminders(world.at, world.secrets, settings, world.memory);
    for (const [id, memory] of decision.remember) world.memory.set(id, memory);
    const said = decision.notices.map((notice) => `${notice.name}:${notice.kind}${notice.catchUp ? '+catch-up' : ''}`);
    expect(said, `at ${step.at}`).toEqual(step.expect);
  }
}

function snooze(name: string, choice: '1d' | '1w') {
  return (world: World) => {
    const id = `id-${name}`;
    const current = world.memory.get(id);
    world.memory.set(id, {
      ...(current ?? { lastKind: null, lastDueAt: null, lastExposedAt: null, lastNotifiedAt: null, leadDays: null }),
      snoozedUntil: snoozeUntil(world.at, choice).toISOString(),
    });
  };
}

describe('reminder decisions over time', () => {
  it('lead time edges: nothing a minute before the lead time, one notice at its start, then quiet until the due day', () => {
    run(
      [key('api', '2026-06-30T09:00:00+02:00')],
      [
        { at: '2026-06-16T08:59:00+02:00', expect: [] },
        { at: '2026-06-16T09:00:00+02:00', expect: ['api:due-soon'] },
        { at: '2026-06-16T10:00:00+02:00', expect: [] },
        { at: '2026-06-29T09:00:00+02:00', expect: [] },
        { at: '2026-06-30T08:59:00+02:00', expect: [] },
        { at: '2026-06-30T09:00:00+02:00', expect: ['api:due'] },
        { at: '2026-06-30T23:00:00+02:00', expect: [] },
        // every 3 days while overdue, counted from the last notice
        { at: '2026-07-03T08:59:00+02:00', expect: [] },
        { at: '2026-07-03T09:00:00+02:00', expect: ['api:overdue'] },
        { at: '2026-07-04T09:00:00+02:00', expect: [] },
        { at: '2026-07-06T09:00:00+02:00', expect: ['api:overdue'] },
      ],
    );
  });

  it('a lead time of 0 days sends no "due soon" notice; a per-key override moves it', () => {
    run(
      [key('api', '2026-06-30T09:00:00+02:00')],
      [
        { at: '2026-06-20T09:00:00+02:00', expect: [] },
        { at: '2026-06-30T09:00:00+02:00', expect: ['api:due'] },
      ],
      { leadDays: 0, overdueRepeatDays: 3 },
    );
    run(
      [key('api', '2026-06-30T09:00:00+02:00'), key('other', '2026-06-30T09:00:00+02:00')],
      [
        {
          at: '2026-05-31T09:00:00+02:00',
          before: (world) =>
            world.memory.set('id-api', {
              lastKind: null,
              lastDueAt: null,
              lastExposedAt: null,
              lastNotifiedAt: null,
              snoozedUntil: null,
              leadDays: 30,
            }),
          expect: ['api:due-soon'],
        },
        { at: '2026-06-16T09:00:00+02:00', expect: ['other:due-soon'] },
      ],
    );
  });

  it('DST start: the lead time begins at the same wall-clock time across the 23-hour day', () => {
    // 29 March 2026 is the first day of summer time in Berlin (02:00 -> 03:00)
    run(
      [key('api', '2026-04-05T12:00:00+02:00')],
      [
        { at: '2026-03-22T10:59:00+01:00', expect: [] },
        { at: '2026-03-22T11:59:00+01:00', expect: [] },
        { at: '2026-03-22T12:00:00+01:00', expect: ['api:due-soon'] },
      ],
      { leadDays: 14, overdueRepeatDays: 3 },
    );
  });

  it('DST end: an overdue repeat lands at the same wall-clock time across the 25-hour day', () => {
    // 25 October 2026 ends summer time in Berlin (03:00 -> 02:00)
    run(
      [key('api', '2026-10-24T09:00:00+02:00')],
      [
        { at: '2026-10-24T09:00:00+02:00', expect: ['api:due'] },
        { at: '2026-10-27T08:00:00+01:00', expect: [] },
        { at: '2026-10-27T08:59:00+01:00', expect: [] },
        { at: '2026-10-27T09:00:00+01:00', expect: ['api:overdue'] },
      ],
    );
  });

  it('leap day: a key due on 29 February is "due" that day and "due soon" 14 days before', () => {
    run(
      [key('api', '2028-02-29T09:00:00+01:00')],
      [
        { at: '2028-02-15T08:59:00+01:00', expect: [] },
        { at: '2028-02-15T09:00:00+01:00', expect: ['api:due-soon'] },
        { at: '2028-02-28T23:59:00+01:00', expect: [] },
        { at: '2028-02-29T09:00:00+01:00', expect: ['api:due'] },
        { at: '2028-03-03T09:00:00+01:00', expect: ['api:overdue'] },
      ],
    );
  });

  it('three weeks asleep: one catch-up notice per key, for where each key is now, then quiet', () => {
    const keys = [
      key('entered-lead', '2026-07-01T09:00:00+02:00'),
      key('went-overdue', '2026-06-15T09:00:00+02:00'),
      key('went-through-everything', '2026-06-16T09:00:00+02:00'),
      key('exposed-meanwhile', '2026-12-01T09:00:00+01:00'),
      key('still-fine', '2026-09-01T09:00:00+02:00'),
    ];
    run(keys, [
      { at: '2026-06-01T09:00:00+02:00', expect: ['went-overdue:due-soon'] },
      // asleep from 1 June to 22 June
      {
        at: '2026-06-22T09:00:00+02:00',
        // the leak scanner marked it on 5 June, while the machine slept
        before: (world) =>
          (world.secrets = world.secrets.map((each) =>
            each.name === 'exposed-meanwhile' ? { ...each, exposedAt: new Date('2026-06-05T15:00:00+02:00') } : each,
          )),
        expect: [
          'entered-lead:due-soon+catch-up',
          'went-overdue:overdue+catch-up',
          'went-through-everything:overdue+catch-up',
          'exposed-meanwhile:exposed+catch-up',
        ],
      },
      { at: '2026-06-22T10:00:00+02:00', expect: [] },
      { at: '2026-06-25T09:00:00+02:00', expect: ['went-overdue:overdue', 'went-through-everything:overdue', 'exposed-meanwhile:exposed'] },
    ]);
  });

  it('snooze 1 day holds back a notice until it ends; snooze 1 week skips the overdue repeats inside it', () => {
    run(
      [key('api', '2026-06-30T09:00:00+02:00')],
      [
        { at: '2026-06-15T12:00:00+02:00', before: snooze('api', '1d'), expect: [] },
        { at: '2026-06-16T09:00:00+02:00', expect: [] },
        { at: '2026-06-16T11:59:00+02:00', expect: [] },
        { at: '2026-06-16T12:00:00+02:00', expect: ['api:due-soon'] },
      ],
    );
    run(
      [key('api', '2026-06-30T09:00:00+02:00')],
      [
        { at: '2026-06-30T09:00:00+02:00', expect: ['api:due'] },
        { at: '2026-06-30T10:00:00+02:00', before: snooze('api', '1w'), expect: [] },
        { at: '2026-07-03T09:00:00+02:00', expect: [] },
        { at: '2026-07-06T09:00:00+02:00', expect: [] },
        { at: '2026-07-07T10:00:00+02:00', expect: ['api:overdue'] },
        { at: '2026-07-08T10:00:00+02:00', expect: [] },
        { at: '2026-07-10T10:00:00+02:00', expect: ['api:overdue'] },
      ],
    );
  });

  it('marking a key exposed is told at once, even while snoozed, then repeats like overdue', () => {
    const api = key('api', '2026-09-01T09:00:00+02:00');
    run(
      [api],
      [
        { at: '2026-06-01T09:00:00+02:00', before: snooze('api', '1w'), expect: [] },
        {
          at: '2026-06-02T09:00:00+02:00',
          before: (world) => (world.secrets = [{ ...api, exposedAt: new Date('2026-06-02T08:30:00+02:00') }]),
          expect: ['api:exposed'],
        },
        { at: '2026-06-05T09:00:00+02:00', expect: [] },
        { at: '2026-06-08T09:00:00+02:00', expect: ['api:exposed'] },
      ],
    );
  });

  it('a rotation starts a new cycle: the new due date gets its own notices', () => {
    const api = key('api', '2026-06-30T09:00:00+02:00');
    run(
      [api],
      [
        { at: '2026-06-30T09:00:00+02:00', expect: ['api:due'] },
        {
          at: '2026-07-01T09:00:00+02:00',
          before: (world) => (world.secrets = [{ ...api, dueAt: new Date('2026-09-29T09:00:00+02:00') }]),
          expect: [],
        },
        { at: '2026-09-15T09:00:00+02:00', expect: ['api:due-soon'] },
      ],
    );
  });
});
