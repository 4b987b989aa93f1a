import { call } from './rekey';
import { startupRequest } from './startup-request';

/**
 * Rows enough to fill a tall window. Main sorts by urgency, the list's default order, so these
 * are exactly the rows the first screen shows; a vault of 10,000 keys paints them without
 * waiting for the other 9,900 to cross IPC.
 */
export const FIRST_SCREEN_ROWS = 100;

const firstScreenRequest = startupRequest(() => call('listSecrets', { limit: FIRST_SCREEN_ROWS }));

/** Sent at startup, alongside the vault's status instead of after it. */
export const prefetchFirstScreen = firstScreenRequest.send;
/** The first screen of rows: the startup answer the first time, then fresh ones. */
export const firstScreen = firstScreenRequest.take;
/** The startup rows if they are already here, so the list's first render can show them. */
export const arrivedFirstScreen = firstScreenRequest.peek;
/** Resolves when the startup answer is here. */
export const firstScreenArrival = firstScreenRequest.arrival;
