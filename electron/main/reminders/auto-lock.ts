import type { Timers } from '../ports.js';

export interface AutoLockOptions {
  /** Seconds since the user last touched keyboard or mouse (powerMonitor.getSystemIdleTime). */
  readonly idleSeconds: () => number;
  /** 0: never lock on idle. */
  readonly minutes: () => number;
  readonly isLocked: () => boolean;
  readonly lock: () => void;
  readonly timers: Timers;
  readonly pollMs?: number | undefined;
}

export const IDLE_POLL_MS = 30_000;

/**
 * Locks the vault after the configured idle time, and at once when the screen locks or the
 * machine suspends (main forwards powerMonitor's 'lock-screen' and 'suspend' to lockNow).
 */
export class AutoLock {
  private handle: unknown = null;

  constructor(private readonly options: AutoLockOptions) {}

  start(): void {
    this.schedule();
  }

  stop(): void {
    if (this.handle !== null) this.options.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  lockNow(): void {
    if (!this.options.isLocked()) this.options.lock();
  }

  /** One idle check; public so a test can run it without waiting. */
  tick(): void {
    const minutes = this.options.minutes();
    if (minutes > 0 && !this.options.isLocked() && this.options.idleSeconds() >= minutes * 60) this.options.lock();
    this.schedule();
  }

  private schedule(): void {
    if (this.handle !== null) this.options.timers.clearTimeout(this.handle);
    this.handle = this.options.timers.setTimeout(() => this.tick(), this.options.pollMs ?? IDLE_POLL_MS);
  }
}
