import { type Result, hasBridge } from './rekey';

/**
 * A request the window sends once as its bundle starts, before React has mounted, and hands to
 * the first caller that wants its answer. A failed early answer is asked again (the first screen
 * fails harmlessly when there was no vault yet); later callers always ask afresh.
 */
export function startupRequest<T>(ask: () => Promise<Result<T>>) {
  let early: Promise<Result<T>> | null = null;
  return {
    send(): void {
      if (hasBridge()) early = ask();
    },
    async take(): Promise<Result<T>> {
      const pending = early;
      early = null;
      const result = pending === null ? null : await pending;
      return result?.ok ? result : ask();
    },
  };
}
