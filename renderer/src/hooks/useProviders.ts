import { useEffect, useState } from 'react';
import { call } from '../api/rekey';
import type { Provider } from '../api/types';

/** The providers Rekey knows, for the provider pickers; an empty list until main answers. */
export function useProviders(): readonly Provider[] {
  const [providers, setProviders] = useState<readonly Provider[]>([]);
  useEffect(() => {
    let live = true;
    void call('listProviders', {}).then((result) => {
      if (live && result.ok) setProviders(result.value);
    });
    return () => {
      live = false;
    };
  }, []);
  return providers;
}
