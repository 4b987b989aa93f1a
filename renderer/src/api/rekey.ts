import type { ApiError, Input, Method, Output, RekeyApi, Result } from '../../../electron/contract/channels.js';

declare global {
  interface Window {
    /** Set by the preload (contextBridge); absent when the page is opened outside Rekey. */
    readonly rekey?: RekeyApi;
  }
}

export type { ApiError, Result };

const unreachable: ApiError = {
  code: 'ipc-failed',
  message: 'The Rekey window lost its connection to the app. Close the window and open Rekey again.',
};

export function hasBridge(): boolean {
  return window.rekey !== undefined;
}

const lockedListeners = new Set<() => void>();

/** Runs when any call finds the vault locked (auto-lock, screen lock, the tray's Lock). */
export function onVaultLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => void lockedListeners.delete(listener);
}

/**
 * Calls one window.rekey function. Always resolves to a Result: a rejected IPC call (the main
 * process went away) becomes a plain error, so every caller has exactly one failure path.
 */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
  const api = window.rekey;
  if (api === undefined) return { ok: false, error: unreachable };
  try {
    const fn = api[method] as (input: Input<M>) => Promise<Result<Output<M>>>;
    const result = await fn(input);
    if (!result.ok && result.error.code === 'locked') for (const listener of lockedListeners) listener();
    return result;
  } catch {
    return { ok: false, error: unreachable };
  }
}
