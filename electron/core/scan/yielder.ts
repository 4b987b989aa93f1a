import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * File reads are synchronous (several times faster than fs/promises for many small files);
 * this hands the event loop back every few milliseconds so the app's main process keeps
 * answering the window during a long scan.
 */
export class Yielder {
  private last = performance.now();

  constructor(private readonly everyMs = 15) {}

  async maybe(): Promise<void> {
    const now = performance.now();
    if (now - this.last < this.everyMs) return;
    await nextTurn();
    this.last = performance.now();
  }
}
