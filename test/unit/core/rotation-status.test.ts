import { describe, expect, it } from 'vitest';
import { daysUntilDue, rotationState } from '../../../electron/core/index.js';

const rotatedAt = new Date('2026-01-01T09:00:00Z');
const state = (now: string, extra: { lead?: number; exposed?: boolean; every?: number } = {}) =>
  rotationState(
    { rotatedAt, rotateEveryDays: extra.every ?? 90, exposedAt: extra.exposed ? new Date('2026-01-02T00:00:00Z') : null },
    new Date(now),
    extra.lead ?? 14,
  );

describe('rotation status', () => {
  it('is due exactly the interval after the last rotation', () => {
    expect(state('2026-01-02T00:00:00Z').dueAt.toISOString()).toBe('2026-04-01T09:00:00.000Z');
  });

  it('turns due-soon at the start of the lead time, not a moment before', () => {
    expect(state('2026-03-18T08:59:59Z').status).toBe('ok');
    expect(state('2026-03-18T09:00:00Z').status).toBe('due-soon');
  });

  it('turns overdue at the due instant', () => {
    expect(state('2026-04-01T08:59:59Z').status).toBe('due-soon');
    expect(state('2026-04-01T09:00:00Z').status).toBe('overdue');
  });

  it('counts calendar days to the due day, negative when overdue', () => {
    const due = state('2026-01-02T00:00:00Z').dueAt;
    expect(daysUntilDue(due, new Date('2026-03-27T20:00:00Z'))).toBe(5);
    expect(daysUntilDue(due.toISOString(), new Date('2026-04-04T10:00:00Z'))).toBe(-3);
  });

  it('says exposed whatever the date', () => {
    expect(state('2026-01-03T00:00:00Z', { exposed: true }).status).toBe('exposed');
  });

  it('honours a custom lead time', () => {
    expect(state('2026-03-25T08:59:59Z', { lead: 7 }).status).toBe('ok');
    expect(state('2026-03-25T08:59:59Z', { lead: 8 }).status).toBe('due-soon');
  });

  it('handles a leap day interval', () => {
    const leap = rotationState(
      { rotatedAt: new Date('2028-02-28T12:00:00Z'), rotateEveryDays: 1, exposedAt: null },
      new Date('2028-02-28T13:00:00Z'),
    );
    expect(leap.dueAt.toISOString()).toBe('2028-02-29T12:00:00.000Z');
  });
});
