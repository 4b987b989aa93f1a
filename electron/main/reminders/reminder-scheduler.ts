import type { Notice, ReminderCheck } from '../../core/index.js';
import type { Timers } from '../ports.js';
import { MAX_SEPARATE_NOTIFICATIONS, type NotificationText, noticeText, summaryText } from './notice-text.js';

export interface NotifierPort {
  /** Shows one OS notification; onClick runs when the user clicks it. */
  show(text: NotificationText, onClick: () => void): void;
}

export interface TrayView {
  /** Keys due soon, overdue or exposed. */
  readonly attention: ReadonlyArray<{ name: string; status: string }>;
}

export interface ReminderSchedulerOptions {
  readonly check: () => ReminderCheck | null;
  readonly notificationsOn: () => boolean;
  readonly notifier: NotifierPort;
  readonly showTray: (view: TrayView) => void;
  /** Shows the window on a key (null: the window as it is). */
  readonly openOn: (name: string | null) => void;
  readonly timers: Timers;
  readonly now: () => Date;
  readonly logError?: ((line: string) => void) | undefined;
  readonly intervalMs?: number | undefined;
}

export const HOURLY = 60 * 60 * 1000;

/**
 * Runs the reminder check at start, every hour, and whenever main asks (resume from sleep,
 * settings saved); delivers what the engine decided. The engine records every notice it
 * decides on, so a notice is said once even when notifications are off (then it only counts).
 */
export class ReminderScheduler {
  private handle: unknown = null;
  private stopped = false;

  constructor(private readonly options: ReminderSchedulerOptions) {}

  start(): void {
    this.stopped = false;
    this.runNow();
  }

  /** Checks now and restarts the hourly timer from here. */
  runNow(): void {
    if (this.stopped) return;
    if (this.handle !== null) this.options.timers.clearTimeout(this.handle);
    try {
      this.deliver(this.options.check());
    } catch (error) {
      // a locked file or a busy disk must not stop the next hour's check
      this.options.logError?.(`rekey: reminder check failed with ${error instanceof Error ? error.name : typeof error}`);
    }
    this.handle = this.options.timers.setTimeout(() => this.runNow(), this.options.intervalMs ?? HOURLY);
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.options.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  private deliver(result: ReminderCheck | null): void {
    if (result === null) return this.options.showTray({ attention: [] });
    this.options.showTray({ attention: result.attention.map((secret) => ({ name: secret.name, status: secret.status })) });
    if (result.notices.length === 0 || !this.options.notificationsOn()) return;
    if (result.notices.length > MAX_SEPARATE_NOTIFICATIONS) {
      this.options.notifier.show(summaryText(result.notices), () => this.options.openOn(null));
      return;
    }
    const now = this.options.now();
    for (const notice of result.notices) this.showOne(notice, now);
  }

  private showOne(notice: Notice, now: Date): void {
    this.options.notifier.show(noticeText(notice, now), () => this.options.openOn(notice.name));
  }
}
