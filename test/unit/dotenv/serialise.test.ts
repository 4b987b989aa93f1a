import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, serialise } from '../../../electron/core/dotenv/index.js';
import type { ExportEntry, ExportFormat } from '../../../electron/core/dotenv/index.js';
import { expectRekeyError } from '../../support/rekey-errors.js';

const HEADER = '# Exported by Rekey. This file holds secrets: keep it out of version control.';
const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQ==\n-----END PRIVATE KEY-----\n';

function entry(envVar: string, value: string, name = envVar.toLowerCase()): ExportEntry {
  return { name, envVar, value };
}

describe('EXPORT_FORMATS', () => {
  it('lists the three formats', () => {
    expect(EXPORT_FORMATS).toEqual(['dotenv', 'shell', 'json']);
  });
});

describe('serialise as shell', () => {
  it('writes one POSIX-quoted export per entry, in order, ending with a newline', () => {
    const text = serialise([entry('B', "it's"), entry('A', 'x\ny')], 'shell');
    expect(text).toBe(`${HEADER}\nexport B='it'\\''s'\nexport A='x\ny'\n`);
  });

  it('leaves $, backticks, backslashes and CR inside single quotes untouched', () => {
    expect(serialise([entry('K', '$HOME `id` \\ \r')], 'shell')).toBe(`${HEADER}\nexport K='$HOME \`id\` \\ \r'\n`);
  });
});

describe('serialise as dotenv', () => {
  it('single-quotes what it can and reads back identically with dotenv', () => {
    const values = {
      PLAIN: 'sk_live_123',
      PEM,
      SHELLISH: '$HOME `id` #hash "dq" C:\\dir\\file',
      SPACES: '  both ends  ',
      EMPTY: '',
    };
    const text = serialise(
      Object.entries(values).map(([k, v]) => entry(k, v)),
      'dotenv',
    );
    expect(text.split('\n').slice(0, 2)).toEqual([HEADER, "PLAIN='sk_live_123'"]);
    expect(text.endsWith('\n')).toBe(true);
    expect(dotenv.parse(text)).toEqual(values);
    expect(dotenv.parse(text, { fast: true })).toEqual(values);
  });

  it('falls back to double quotes, writing CR as \\r, for a single quote or a CR', () => {
    const text = serialise([entry('Q', "it's"), entry('CR', 'a\r\nb')], 'dotenv');
    expect(text).toBe(`${HEADER}\nQ="it's"\nCR="a\\r\nb"\n`);
    expect(dotenv.parse(text)).toEqual({ Q: "it's", CR: 'a\r\nb' });
  });

  it('refuses a value no quoting carries, naming secret, variable, format, reason and alternatives', () => {
    const secret = "sk_live_it's\\x";
    const error = expectRekeyError(
      () => serialise([entry('OK', 'fine'), entry('STRIPE_SECRET_KEY', secret, 'stripe-live')], 'dotenv'),
      'format-cannot-carry',
    );
    expect(error.message).toBe(
      'Cannot export "stripe-live" (STRIPE_SECRET_KEY) as dotenv: it contains a single quote and a backslash. Choose the shell or json format instead.',
    );
  });

  it('names every refused entry in one error and never includes their values', () => {
    const values = ['first\rsecret$', "second'secret\\"];
    const error = expectRekeyError(
      () => serialise([entry('A', values[0] ?? ''), entry('OK', 'x'), entry('B', values[1] ?? '')], 'dotenv'),
      'format-cannot-carry',
    );
    expect(error.message).toContain('"a" (A) contains a carriage return and a dollar sign');
    expect(error.message).toContain('"b" (B) contains a single quote and a backslash at the end');
    expect(error.message).toMatch(/^Cannot export 2 secrets as dotenv: .*Choose the shell or json format instead\.$/);
    for (const value of values) expect(error.message).not.toContain(value.slice(0, 6));
  });

  it('offers only json when shell cannot carry the value either', () => {
    const error = expectRekeyError(() => serialise([entry('N', 'a\u0000b', 'nul')], 'dotenv'));
    expect(error.message).toBe('Cannot export "nul" (N) as dotenv: it contains a NUL character. Choose the json format instead.');
  });
});

describe('serialise as json', () => {
  it('writes a pretty-printed object in the order given that JSON.parse reads back', () => {
    const entries = [entry('Z', 'a\u0000\r\n"\\\ud800'), entry('__proto__', 'p'), entry('A', '')];
    const text = serialise(entries, 'json');
    expect(text).toBe(`{\n  "Z": ${JSON.stringify('a\u0000\r\n"\\\ud800')},\n  "__proto__": "p",\n  "A": ""\n}\n`);
    const parsed: unknown = JSON.parse(text);
    expect(Object.entries(parsed as Record<string, string>)).toEqual(entries.map((e) => [e.envVar, e.value]));
  });

  it('writes an empty object for no entries', () => {
    expect(serialise([], 'json')).toBe('{}\n');
  });
});

describe('serialise input checks', () => {
  it.each<ExportFormat>(['dotenv', 'shell', 'json'])('refuses an invalid env var name as %s', (format) => {
    const error = expectRekeyError(
      () => serialise([entry('OK', 'v'), { name: 'bad-one', envVar: 'MY-KEY', value: 'v' }], format),
      'invalid-input',
    );
    expect(error.message).toContain('"bad-one"');
    expect(error.message).toContain('MY-KEY');
  });

  it.each<ExportFormat>(['dotenv', 'shell', 'json'])('refuses the same env var twice as %s, naming both secrets', (format) => {
    const error = expectRekeyError(
      () =>
        serialise([entry('KEY', 'sk_test_AAAA', 'stripe-test'), entry('OTHER', 'x'), entry('KEY', 'sk_live_BBBB', 'stripe-live')], format),
      'invalid-input',
    );
    expect(error.message).toContain('"stripe-test" and "stripe-live" both use KEY');
    expect(error.message).not.toMatch(/AAAA|BBBB/);
  });

  it('checks names before values', () => {
    expectRekeyError(() => serialise([{ name: 'n', envVar: '1X', value: "'\\" }], 'dotenv'), 'invalid-input');
  });
});
