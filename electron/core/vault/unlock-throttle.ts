import type { Database } from 'better-sqlite3';
import { addSeconds, differenceInSeconds } from 'date-fns';
import type { Clock } from '../clock.js';
import { RekeyError } from '../errors.js';

/** The first mistake is free (typos happen); then 1 s, 2 s, 4 s … up to 5 minutes. */
export function throttleDelaySeconds(failures: number): number {
  if (failures < 2) return 0;
  return Math.min(2 ** (failures - 2), 300);
}

/**
 * Wrong master passwords slow the next attempt down. The count lives in the vault file, so
 * neither restarting the app nor starting a new CLI process resets it. An attempt is counted
 * as a failure before the password is tried (claim) and forgiven on success (reset): a run of
 * parallel attempts cannot all slip past the check while the KDF of the first is still running.
 */
export class UnlockThrottle {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  failures(): number {
    return this.row()?.failures ?? 0;
  }

  /** Throws 'throttled' when the next attempt is not allowed yet: then no password is asked for. */
  check(): void {
    const row = this.row();
    if (!row) return;
    const wait = differenceInSeconds(new Date(row.not_before), this.clock.now(), { roundingMethod: 'ceil' });
    if (wait > 0) throw throttled(wait);
  }

  /**
   * Checks and records one attempt as a failure in one IMMEDIATE transaction (another process
   * claiming at the same moment waits for it, then sees this attempt). Throws 'throttled' when no
   * attempt is allowed yet; otherwise returns the delay that a wrong password now imposes.
   */
  claimAttempt(): number {
    return this.db
      .transaction(() => {
        this.check();
        const failures = this.failures() + 1;
        const delay = throttleDelaySeconds(failures);
        this.db
          .prepare(
            'INSERT INTO unlock_throttle (id, failures, not_before) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET failures = excluded.failures, not_before = excluded.not_before',
          )
          .run(failures, addSeconds(this.clock.now(), delay).toISOString());
        return delay;
      })
      .immediate();
  }

  /** The right password: the attempt claimed for it is forgiven, and the count starts over. */
  reset(): void {
    this.db.prepare('DELETE FROM unlock_throttle').run();
  }

  private row() {
    return this.db.prepare('SELECT failures, not_before FROM unlock_throttle WHERE id = 1').get() as
      { failures: number; not_before: string } | undefined;
  }
}

export function seconds(n: number): string {
  return `${n} ${n === 1 ? 'second' : 'seconds'}`;
}

function throttled(wait: number): RekeyError {
  return new RekeyError('throttled', `Too many wrong master passwords. Try again in ${seconds(wait)}.`);
}
