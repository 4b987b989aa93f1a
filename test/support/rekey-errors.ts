import { expect } from 'vitest';
import { RekeyError, type RekeyErrorCode } from '../../electron/core/errors.js';

/*
 * Catching what a call throws, written once: a test names the code it expects and gets the
 * error back for its message checks. A call that does not fail fails the test, and an error
 * that is not a RekeyError is thrown on, so a bug never passes as "refused".
 */

/** Whatever `run` throws; the test fails if it returns. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, but the call returned');
}

/** Whatever `promise` rejects with; the test fails if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

function asRekeyError(error: unknown, code: RekeyErrorCode | undefined): RekeyError {
  if (!(error instanceof RekeyError)) throw error;
  if (code !== undefined) expect(error.code, error.message).toBe(code);
  return error;
}

/** The RekeyError `run` throws, with `code` when one is given. */
export function expectRekeyError(run: () => unknown, code?: RekeyErrorCode): RekeyError {
  return asRekeyError(thrownBy(run), code);
}

/** The RekeyError `work` rejects with, with `code` when one is given. */
export async function expectRekeyRejection(work: Promise<unknown> | (() => Promise<unknown>), code?: RekeyErrorCode): Promise<RekeyError> {
  return asRekeyError(await rejectionOf(typeof work === 'function' ? work() : work), code);
}
