import { useCallback, useEffect, useState } from 'react';
import { call } from '../api/rekey';
import type { HistoryResult } from '../api/types';

type HistoryState =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly history: HistoryResult }
  | { readonly state: 'failed'; readonly message: string };

/** A secret's versions (masked) and until when its last rotation can be undone. */
export function useHistory(name: string) {
  const [history, setHistory] = useState<HistoryState>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    void call('history', { name }).then((result) => {
      if (live) setHistory(result.ok ? { state: 'ready', history: result.value } : { state: 'failed', message: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [name, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { history, reload };
}
