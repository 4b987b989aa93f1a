import type { Result } from '../../../electron/contract/channels.js';

/**
 * A request the window sends once as its bundle starts, before React has mounted, and hands to
 * the first caller that wants its answer. A failed early answer is asked again (the first screen
 * fails harmlessly when there was no vault yet); later callers always ask afresh.
 */
export function startupRequest<T>(ask: () => Promise<Result<T>>) {
  let early: Promise<Result<T>> | null = null;
  /** The early answer once it has arrived: a component can start from it instead of waiting a render. */
  let arrived: Result<T> | null = null;
  return {
    send: (): void => {
      const pending = ask();
      early = pending;
      void pending.then((result) => {
        if (early === pending) arrived = result;
      });
    },
    /** Resolves once the early answer has arrived (at once if none was sent); never rejects. */
    arrival: async (): Promise<void> => {
      await early;
    },
    /**
     * The early answer if it has already arrived and succeeded, else null. It stays the early
     * answer: take() still hands over this same value, so a state seeded from it can tell.
     */
    peek: (): T | null => {
      return arrived?.ok ? arrived.value : null;
    },
    take: async (): Promise<Result<T>> => {
      const pending = early;
      early = null;
      arrived = null;
      const result = pending === null ? null : await pending;
      return result?.ok ? result : ask();
    },
  };
}

/** Resolves when `promise` settles or after `waitMs`, whichever comes first; never rejects. */
export function settledWithin(promise: Promise<unknown>, waitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    promise.then(done, done);
  });
}
