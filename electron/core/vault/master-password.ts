import { RekeyError } from '../errors.js';

export const MASTER_PASSWORD_MIN = 8;
export const MASTER_PASSWORD_MAX = 1024;

/** What a password change did: set one where there was none, change it, or remove it. */
export const MASTER_PASSWORD_CHANGES = ['set', 'change', 'remove'] as const;
export type MasterPasswordChange = (typeof MASTER_PASSWORD_CHANGES)[number];

/** Length only: any character is allowed, and the message never repeats the password. */
export function checkMasterPassword(password: string): void {
  const length = [...password].length;
  if (length < MASTER_PASSWORD_MIN)
    throw new RekeyError('invalid-input', `The master password must be at least ${MASTER_PASSWORD_MIN} characters long.`);
  if (length > MASTER_PASSWORD_MAX)
    throw new RekeyError('invalid-input', `The master password can be at most ${MASTER_PASSWORD_MAX} characters long.`);
}
