import type { VaultStatus } from './types';
import { type Result, call, hasBridge } from './rekey';

let prefetched: Promise<Result<VaultStatus>> | null = null;

/**
 * Asks for the vault's state as the bundle starts, before the locale has loaded and React has
 * mounted, so the first screen waits one round trip less.
 */
export function prefetchVaultStatus(): void {
  if (hasBridge()) prefetched = call('vaultStatus', {});
}

/** The startup answer the first time (nothing can have changed yet), then fresh ones. */
export function vaultStatus(): Promise<Result<VaultStatus>> {
  const early = prefetched;
  prefetched = null;
  return early ?? call('vaultStatus', {});
}
