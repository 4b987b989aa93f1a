import { RekeyError } from '../errors.js';

export const MASTER_PASSWORD_MIN = 8;
export const MASTER_PASSWORD_MAX = 1024;

/** Length only: any character is allowed, and the message never repeats the password. */
export function checkMasterPassword(password: string): void {
  const length = [...password].length;
  if (length < MASTER_PASSWORD_MIN) throw new RekeyError('invalid-input', `The master password must be at least ${MASTER_PASSWORD_MIN} characters long.`);
  if (length > MASTER_PASSWORD_MAX) throw new RekeyError('invalid-input', `The master password can be at most ${MASTER_PASSWORD_MAX} characters long.`);
}
