import { useCallback, useEffect, useState } from 'react';
import { call } from '../api/rekey';
import type { Secret } from '../api/types';

interface SecretsState {
  readonly secrets: readonly Secret[] | null;
  readonly error: string | null;
}

/**
 * Every secret's metadata, loaded once from main; filtering and sorting happen in memory.
 * Changes that return the changed secret patch the list in place instead of reloading it.
 */
export function useSecrets() {
  const [state, setState] = useState<SecretsState>({ secrets: null, error: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void call('listSecrets', {}).then((result) => {
      if (!live) return;
      if (result.ok) setState({ secrets: result.value, error: null });
      else setState((previous) => ({ ...previous, error: result.error.message }));
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

  return { secrets: state.secrets, error: state.error, reload, upsert, remove };
}
