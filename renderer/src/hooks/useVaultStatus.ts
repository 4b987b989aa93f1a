import { useCallback, useEffect, useState } from 'react';
import { call, onVaultLocked } from '../api/rekey';
import { arrivedVaultStatus, vaultStatus } from '../api/startup-status';
import type { VaultStatus } from '../api/types';

export type VaultState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'status'; readonly status: VaultStatus };

/** Which screen the window shows: asks main for the vault's state, and creates the vault. */
export function useVaultStatus() {
  // with main quick to answer, the status is here before React first renders: no loading screen
  const [state, setState] = useState<VaultState>(() => {
    const arrived = arrivedVaultStatus();
    return arrived === null ? { kind: 'loading' } : { kind: 'status', status: arrived };
  });
  const [generation, setGeneration] = useState(0);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void vaultStatus().then((result) => {
      if (!live) return;
      setState((previous) => {
        if (previous.kind === 'status' && result.ok && previous.status === result.value) return previous;
        return result.ok ? { kind: 'status', status: result.value } : { kind: 'failed', message: result.error.message };
      });
    });
    return () => {
      live = false;
    };
  }, [generation]);

  // main locked the vault (idle, screen lock, tray): ask it for the state, which is now 'locked'
  useEffect(() => onVaultLocked(() => setGeneration((n) => n + 1)), []);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setGeneration((n) => n + 1);
  }, []);

  const create = useCallback(async () => {
    setCreating(true);
    setCreateError(null);
    const result = await call('initVault', {});
    setCreating(false);
    if (result.ok) setState({ kind: 'status', status: result.value });
    else setCreateError(result.error.message);
  }, []);

  const lock = useCallback(async () => {
    const result = await call('lockVault', {});
    setState(result.ok ? { kind: 'status', status: result.value } : { kind: 'failed', message: result.error.message });
  }, []);

  /** Resolves to main's message when the password is wrong or attempts are throttled. */
  const unlock = useCallback(async (password: string | undefined): Promise<string | null> => {
    const result = await call('unlockVault', password === undefined ? {} : { password });
    if (!result.ok) return result.error.message;
    setState({ kind: 'status', status: result.value });
    return null;
  }, []);

  /** A status main already answered with (after a restore), without asking again. */
  const adopt = useCallback((status: VaultStatus) => setState({ kind: 'status', status }), []);

  return { state, retry, create, creating, createError, lock, unlock, adopt };
}
