import { describe, expect, it } from 'vitest';
import { dropSingleLineNewline } from '../../../electron/cli/secret-input.js';

describe('reading a value from stdin', () => {
  it('drops the one newline that echo adds to a single line', () => {
    expect(dropSingleLineNewline('sk-abc\n')).toBe('sk-abc');
    expect(dropSingleLineNewline('sk-abc\r\n')).toBe('sk-abc');
  });

  it('keeps exactly the bytes otherwise', () => {
    expect(dropSingleLineNewline('sk-abc')).toBe('sk-abc');
    expect(dropSingleLineNewline('sk-abc\n\n')).toBe('sk-abc\n\n');
    expect(dropSingleLineNewline(' spaced \n')).toBe(' spaced ');
  });

  it('keeps the final newline of multi-line input such as a PEM', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n';
    expect(dropSingleLineNewline(pem)).toBe(pem);
  });
});
