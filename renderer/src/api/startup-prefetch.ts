import { firstScreenArrival, prefetchFirstScreen } from './first-screen';
import { hasBridge } from './rekey';
import { settledWithin } from './startup-request';
import { prefetchVaultStatus, vaultStatusArrival } from './startup-status';

/*
 * main.tsx imports this module first, for this side effect. Modules run in import order, so the
 * window's first two questions leave before React and the rest of the bundle are evaluated
 * (tens of milliseconds on a slow machine), and main answers them meanwhile. Opened outside
 * the app (no bridge), there is no one to ask.
 */
if (hasBridge()) {
  prefetchVaultStatus();
  prefetchFirstScreen();
}

/**
 * Resolves when both answers are here, or after `waitMs` if main is slow (a keychain prompt, a
 * busy disk). Main usually answers within milliseconds: rendering once, with the answers, beats
 * painting a loading screen first and then the vault on top of it.
 */
export function startupAnswers(waitMs: number): Promise<void> {
  return settledWithin(Promise.all([vaultStatusArrival(), firstScreenArrival()]), waitMs);
}
