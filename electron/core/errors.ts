/**
 * Every failure the user can cause or fix is a RekeyError with a stable code.
 * Messages name keys, files and formats, never secret values: callers build them
 * from metadata only, and the no-plaintext tests check every message we emit.
 */
export type RekeyErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'already-exists'
  | 'not-initialised'
  | 'already-initialised'
  | 'keychain-unavailable'
  | 'keychain-key-missing'
  | 'wrong-vault-key'
  | 'integrity'
  | 'format-cannot-carry'
  | 'file-exists'
  | 'import-invalid'
  | 'grace-period-over'
  | 'nothing-to-undo'
  | 'password-required'
  | 'wrong-password'
  | 'throttled'
  | 'locked'
  /** A Vault object used after close(): a bug in the caller, not something the user did. */
  | 'vault-closed'
  | 'backup-invalid'
  | 'wrong-passphrase'
  | 'keychain-item-in-use';

export class RekeyError extends Error {
  override readonly name = 'RekeyError';
  constructor(
    readonly code: RekeyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isRekeyError(error: unknown): error is RekeyError {
  return error instanceof RekeyError;
}
