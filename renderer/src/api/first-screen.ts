import type { Secret } from './types';
import { type Result, call, hasBridge } from './rekey';

/**
 * Rows enough to fill a tall window. Main sorts by urgency, the list's default order, so these
 * are exactly the rows the first screen shows; a vault of 10,000 keys paints them without
 * waiting for the other 9,900 to cross IPC.
 */
export const FIRST_SCREEN_ROWS = 100;

let prefetched: Promise<Result<Secret[]>> | null = null;

/**
 * Asks for the first screen of rows at startup, alongside the vault's status instead of after
 * it, so a vault that is ready shows its keys one round trip sooner.
 */
export function prefetchFirstScreen(): void {
  if (hasBridge()) prefetched = call('listSecrets', { limit: FIRST_SCREEN_ROWS });
}

/**
 * The first screen of rows: the startup prefetch the first time, if it succeeded (it fails
 * harmlessly when there was no vault yet, and is then asked again), else a fresh request.
 */
export async function firstScreen(): Promise<Result<Secret[]>> {
  const early = prefetched;
  prefetched = null;
  const result = early === null ? null : await early;
  return result?.ok ? result : call('listSecrets', { limit: FIRST_SCREEN_ROWS });
}
