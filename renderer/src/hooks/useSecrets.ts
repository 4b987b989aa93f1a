import { useCallback, useEffect, useState } from 'react';
import { FIRST_SCREEN_ROWS, arrivedFirstScreen, firstScreen } from '../api/first-screen';
import { call } from '../api/rekey';
import type { Secret } from '../api/types';

interface SecretsState {
  readonly secrets: readonly Secret[] | null;
  /** False while only the first screen of a large vault has arrived. */
  readonly complete: boolean;
  readonly error: string | null;
}

/** The list as far as `first` (the first screen, or every key of a small vault) goes. */
function fromFirstScreen(first: readonly Secret[]): SecretsState {
  return { secrets: first, complete: first.length < FIRST_SCREEN_ROWS, error: null };
}

/** Runs `task` after the frame that follows the current render has been painted. */
function afterNextPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}

/**
 * Every secret's metadata, loaded from main in two steps (the first screen, then all); filtering
 * and sorting happen in memory. Changes that return the changed secret patch the list in place
 * instead of reloading it.
 */
export function useSecrets() {
  // the startup rows have usually arrived by the time the vault screen mounts: render them at once
  const [state, setState] = useState<SecretsState>(() => {
    const first = arrivedFirstScreen();
    return first === null ? { secrets: null, complete: false, error: null } : fromFirstScreen(first);
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    const failed = (message: string) => setState((previous) => ({ ...previous, error: message }));
    void firstScreen().then((first) => {
      if (!live) return;
      if (!first.ok) return failed(first.error.message);
      const everything = first.value.length < FIRST_SCREEN_ROWS;
      setState((previous) => {
        // the same rows the first render started from: nothing to change
        if (previous.secrets === first.value) return previous;
        // a reload keeps showing the whole old list until the whole new one is here
        return everything || !previous.complete ? fromFirstScreen(first.value) : previous;
      });
      if (everything) return;
      // the whole list is megabytes to receive and parse on this thread: ask once the first
      // screen has been painted, not before
      afterNextPaint(() => {
        if (!live) return;
        void call('listSecrets', {}).then((all) => {
          if (!live) return;
          if (all.ok) setState({ secrets: all.value, complete: true, error: null });
          else failed(all.error.message);
        });
      });
    });
    return () => {
      live = false;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  const upsert = useCallback((secret: Secret) => {
    setState((previous) => {
      const list = previous.secrets ?? [];
      const index = list.findIndex((each) => each.id === secret.id);
      const next = index === -1 ? [...list, secret] : list.with(index, secret);
      return { ...previous, secrets: next };
    });
  }, []);

  const remove = useCallback((id: string) => {
    setState((previous) => ({ ...previous, secrets: (previous.secrets ?? []).filter((each) => each.id !== id) }));
  }, []);

  return { secrets: state.secrets, complete: state.complete, error: state.error, reload, upsert, remove };
}
