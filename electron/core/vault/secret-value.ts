import { RekeyError } from '../errors.js';
import { MAX_VALUE_BYTES } from './secret-fields.js';

/**
 * Vault values are text: every export format and every child environment needs a string.
 * Messages here must say what is wrong without quoting any part of the value.
 */
export function checkSecretValue(value: string, label: string): string {
  if (value.length === 0) throw new RekeyError('invalid-input', `The value for ${label} is empty.`);
  if (!value.isWellFormed()) {
    throw new RekeyError('invalid-input', `The value for ${label} is not valid Unicode text (it holds a lone surrogate).`);
  }
  if (value.includes('\0')) {
    throw new RekeyError('invalid-input', `The value for ${label} contains a NUL byte, which no environment variable can hold.`);
  }
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw new RekeyError(
      'invalid-input',
      `The value for ${label} is ${bytes} bytes; Rekey stores values up to ${MAX_VALUE_BYTES} bytes (64 KiB).`,
    );
  }
  return value;
}

/** Decodes input bytes strictly, so a binary file or a wrong encoding is refused, not mangled. */
export function decodeSecretBytes(bytes: Buffer, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new RekeyError('invalid-input', `The value for ${label} is not UTF-8 text.`);
  }
}
