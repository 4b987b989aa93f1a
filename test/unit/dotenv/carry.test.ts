import { describe, expect, it } from 'vitest';
import { cannotCarryReason } from '../../../electron/core/dotenv/index.js';

describe('cannotCarryReason', () => {
  it.each([
    ['sk_live_abc123'],
    ['-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg==\n-----END PRIVATE KEY-----\n'],
    ['$HOME and $(whoami) and `id`'],
    ['C:\\Users\\me\\key'],
    ['  padded  '],
    ['a # not a comment'],
    ['${a:b}'],
    ["it's #hash `tick`"],
    ['line\r\nbreak'],
    ['emoji 🔑 and \u2028'],
    [''],
  ])('dotenv carries %j', (value) => {
    expect(cannotCarryReason(value, 'dotenv')).toBeNull();
  });

  it.each([
    ["it's C:\\path", 'contains a single quote and a backslash'],
    ['a\rb\\', 'contains a carriage return and a backslash at the end'],
    ["a\\\\b'", 'contains a single quote and two backslashes in a row'],
    ["${HOME}'", 'contains a single quote and a ${…} variable reference'],
    ['${X:-y}"', 'contains a ${…} variable reference and a double quote'],
    ['\r$', 'contains a carriage return and a dollar sign'],
    ['"\'', 'contains a single quote and a double quote'],
    ['a\u0000b', 'contains a NUL character'],
    ['a\ud800b', 'contains an unpaired surrogate, which is not valid Unicode text'],
  ])('dotenv refuses %j: %s', (value, reason) => {
    expect(cannotCarryReason(value, 'dotenv')).toBe(reason);
  });

  it('shell refuses only NUL and unpaired surrogates', () => {
    expect(cannotCarryReason('it\'s \r\n $X \\ ${Y} "', 'shell')).toBeNull();
    expect(cannotCarryReason('a\u0000', 'shell')).toBe('contains a NUL character');
    expect(cannotCarryReason('\udc00', 'shell')).toMatch(/unpaired surrogate/);
  });

  it('json carries everything', () => {
    expect(cannotCarryReason('a\u0000\ud800\r\n\'"\\$', 'json')).toBeNull();
  });

  it('never quotes the value in its reason', () => {
    const value = "tok'en\\secret";
    const reason = cannotCarryReason(value, 'dotenv');
    expect(reason).not.toBeNull();
    expect(reason).not.toContain('tok');
    expect(reason).not.toContain('secret');
  });
});
