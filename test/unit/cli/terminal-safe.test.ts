import { describe, expect, it } from 'vitest';
import { json, secretDetails, table } from '../../../electron/cli/format.js';
import { escapeControls, jsonSafe, oneLine, terminalSafe } from '../../../electron/cli/terminal-safe.js';

// eslint-disable-next-line no-control-regex -- the assertion is about control characters
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('terminal-safe', () => {
  it('escapes every C0 control, DEL and every C1 control, and nothing else', () => {
    for (let code = 0; code <= 0xa0; code++) {
      const char = String.fromCharCode(code);
      const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
      expect(oneLine(char) === char, `U+${code.toString(16)}`).toBe(!control);
      expect(RAW_CONTROL.test(oneLine(char)) || oneLine(char).includes('\n')).toBe(false);
    }
    expect(oneLine('a\x1b]0;pwned\x07.env')).toBe('a\\x1b]0;pwned\\x07.env');
    expect(oneLine('\u009b31m\x7f')).toBe('\\u009b31m\\x7f');
    expect(oneLine('tab\tnew\nline\rcr')).toBe('tab\\tnew\\nline\\rcr');
    expect(oneLine('C:\\Users\\ünïcödé ✓ 鍵')).toBe('C:\\Users\\ünïcödé ✓ 鍵');
  });

  it('keeps line feeds only where asked', () => {
    expect(terminalSafe('one\ntwo\x1b[2J\r')).toBe('one\ntwo\\x1b[2J\\r');
    expect(escapeControls('a\nb')).toBe('a\\nb');
  });

  it('table cells and detail values stay on their line', () => {
    const text = table(['A', 'B'], [['x\ny', 'z\x1b[31m']]);
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    expect(text).not.toMatch(RAW_CONTROL);
  });

  it('JSON keeps its meaning but carries no raw DEL or C1', () => {
    const value = { path: 'a\x1b]0;x\x07\u009b\x7f.env' };
    const text = json(value);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(text)).toEqual(value);
    expect(jsonSafe('"\u0085"')).toBe('"\\u0085"');
  });

  it('secretDetails escapes notes', () => {
    const details = secretDetails(
      {
        name: 'k',
        providerName: 'Generic',
        project: '',
        envVar: 'K',
        masked: '••••',
        version: 1,
        createdAt: '2026-01-01T00:00:00Z',
        rotatedAt: '2026-01-01T00:00:00Z',
        rotateEveryDays: 90,
        dueAt: '2026-04-01T00:00:00Z',
        status: 'ok',
        exposedAt: null,
        rotateUrl: null,
        notes: 'line one\nFAKE  row\x1b[2J',
      } as unknown as Parameters<typeof secretDetails>[0],
      null,
    );
    expect(details).not.toMatch(RAW_CONTROL);
    expect(details).toContain('line one\\nFAKE  row\\x1b[2J');
  });
});
