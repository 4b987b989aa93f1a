import { call } from './rekey';
import { startupRequest } from './startup-request';

const statusRequest = startupRequest(() => call('vaultStatus', {}));

/** Sent as the bundle starts, so the first screen waits one round trip less. */
export const prefetchVaultStatus = statusRequest.send;
/** The vault's state: the startup answer the first time (nothing can have changed yet), then fresh ones. */
export const vaultStatus = statusRequest.take;
/** The startup status if it is already here, so the window can skip its loading screen. */
export const arrivedVaultStatus = statusRequest.peek;
/** Resolves when the startup answer is here. */
export const vaultStatusArrival = statusRequest.arrival;
