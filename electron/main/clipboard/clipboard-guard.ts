import type { ClipboardPort, Timers } from '../ports.js';

export const DEFAULT_CLIPBOARD_CLEAR_SECONDS = 30;

interface Pending {
  readonly value: string;
  /** The clipboard write; it may still be running when lock or quit comes. */
  readonly written: Promise<void>;
  handle: unknown;
}

/**
 * Copies a secret and clears it again after a while, but only if the clipboard still holds
 * exactly what we put there: the user may have copied something else meanwhile.
 */
export class ClipboardGuard {
  private pending: Pending | null = null;

  constructor(
    private readonly clipboard: ClipboardPort,
    private readonly timers: Timers,
  ) {}

  async copy(value: string, clearAfterSeconds: number): Promise<void> {
    this.cancel();
    // recorded before the write resolves, so a lock or quit in between still finds it
    const pending: Pending = { value, written: this.clipboard.writeSecret(value), handle: null };
    this.pending = pending;
    try {
      await pending.written;
    } catch (error) {
      if (this.pending === pending) this.pending = null;
      throw error;
    }
    // dispose() took it over while the write ran, and clears it once the write lands
    if (this.pending !== pending) return;
    pending.handle = this.timers.setTimeout(() => void this.clearIfOurs(), clearAfterSeconds * 1000);
  }

  /** On lock and on quit: clear now if the clipboard still holds our value, even mid-write. */
  async dispose(): Promise<void> {
    await this.clearIfOurs();
  }

  private async clearIfOurs(): Promise<void> {
    const pending = this.pending;
    this.cancel();
    if (!pending) return;
    // a failed write left nothing of ours to clear; copy() reports that failure itself
    const landed = await pending.written.then(
      () => true,
      () => false,
    );
    if (landed && (await this.clipboard.readText()) === pending.value) this.clipboard.clear();
  }

  private cancel(): void {
    if (this.pending && this.pending.handle !== null) this.timers.clearTimeout(this.pending.handle);
    this.pending = null;
  }
}
