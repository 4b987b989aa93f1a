import type { ClipboardPort, Timers } from '../ports.js';

export const DEFAULT_CLIPBOARD_CLEAR_SECONDS = 30;

/**
 * Copies a secret and clears it again after a while, but only if the clipboard still holds
 * exactly what we put there: the user may have copied something else meanwhile.
 */
export class ClipboardGuard {
  private pending: { handle: unknown; value: string } | null = null;

  constructor(
    private readonly clipboard: ClipboardPort,
    private readonly timers: Timers,
  ) {}

  async copy(value: string, clearAfterSeconds: number): Promise<void> {
    this.cancel();
    await this.clipboard.writeSecret(value);
    const handle = this.timers.setTimeout(() => void this.clearIfOurs(), clearAfterSeconds * 1000);
    this.pending = { handle, value };
  }

  /** On quit: do not leave a secret behind. */
  async dispose(): Promise<void> {
    if (this.pending) await this.clearIfOurs();
  }

  private async clearIfOurs(): Promise<void> {
    const pending = this.pending;
    this.cancel();
    if (pending && (await this.clipboard.readText()) === pending.value) this.clipboard.clear();
  }

  private cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.handle);
    this.pending = null;
  }
}
