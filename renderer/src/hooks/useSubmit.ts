import { useCallback, useState } from 'react';

export interface Submit<E> {
  /** True while a run is under way: forms disable their buttons and dialogs refuse to close. */
  readonly busy: boolean;
  /** What the last attempt went wrong with, in the form's own shape (a message, or a field and a message). */
  readonly error: E | null;
  readonly setError: (error: E | null) => void;
  /** Clears the error and is busy while `work` runs; hands back what `work` resolves to. */
  readonly run: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * The state every form keeps around its call to main, written once: the dialogs, the settings
 * forms and the lock screen each run one piece of work at a time and show its error in place.
 */
export function useSubmit<E = string>(): Submit<E> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<E | null>(null);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
