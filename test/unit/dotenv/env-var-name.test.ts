import { describe, expect, it } from 'vitest';
import { isValidEnvVarName } from '../../../electron/core/dotenv/index.js';

describe('isValidEnvVarName', () => {
  it.each(['A', '_', 'STRIPE_SECRET_KEY', 'lower_case', '_9', 'a1b2', '__proto__'])('accepts %j', (name) => {
    expect(isValidEnvVarName(name)).toBe(true);
  });

  it.each(['', '1ABC', 'MY-KEY', 'my.key', 'HAS SPACE', 'É', 'KEY=', 'A\n', ' A', 'A\u0000'])('rejects %j', (name) => {
    expect(isValidEnvVarName(name)).toBe(false);
  });
});
