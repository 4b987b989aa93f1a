import { describe, expect, it } from 'vitest';
import type { RekeyError } from '../../../electron/core/errors.js';
import { MAX_IMPORT_BYTES, parseEnvFile } from '../../../electron/core/dotenv/index.js';
import { expectRekeyError } from '../../support/rekey-errors.js';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQ==\n-----END PRIVATE KEY-----\n';

function parse(text: string | Buffer): ReturnType<typeof parseEnvFile> {
  return parseEnvFile(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, 'project/.env');
}

function refusal(text: string | Buffer): RekeyError {
  return expectRekeyError(() => parse(text));
}

describe('parseEnvFile', () => {
  it('reads plain, quoted, exported and commented lines in file order', () => {
    const result = parse(
      [
        '# a comment',
        'PLAIN=abc',
        '',
        'export EXPORTED=yes',
        "SINGLE='$NOT_EXPANDED'",
        'DOUBLE="a\\nb"',
        'TRAILING=value # comment',
        '   # indented comment',
      ].join('\n'),
    );
    expect(result.entries).toEqual([
      { envVar: 'PLAIN', value: 'abc' },
      { envVar: 'EXPORTED', value: 'yes' },
      { envVar: 'SINGLE', value: '$NOT_EXPANDED' },
      { envVar: 'DOUBLE', value: 'a\nb' },
      { envVar: 'TRAILING', value: 'value' },
    ]);
    expect(result.ignoredLines).toEqual([]);
  });

  it('reads a multi-line quoted value and does not report its lines as ignored', () => {
    const result = parse(`BEFORE=1\nKEY="${PEM}"\nAFTER=2\n`);
    expect(result.entries).toEqual([
      { envVar: 'BEFORE', value: '1' },
      { envVar: 'KEY', value: PEM },
      { envVar: 'AFTER', value: '2' },
    ]);
    expect(result.ignoredLines).toEqual([]);
  });

  it('does not mistake a base64 line that looks like NAME=value inside a quoted value for a statement', () => {
    const result = parse("CERT='-----BEGIN X-----\nABCDEF==\n-----END X-----'\nNEXT=1\n");
    expect(result.entries.map((e) => e.envVar)).toEqual(['CERT', 'NEXT']);
    expect(result.ignoredLines).toEqual([]);
  });

  it('treats a CRLF file like an LF file', () => {
    const result = parse('A=1\r\nB="two\r\nlines"\r\nnot a statement\r\nC=3\r\n');
    expect(result.entries).toEqual([
      { envVar: 'A', value: '1' },
      { envVar: 'B', value: 'two\nlines' },
      { envVar: 'C', value: '3' },
    ]);
    expect(result.ignoredLines).toEqual([4]);
  });

  it('reports the 1-based lines that set nothing', () => {
    const result = parse('A=1\nthis is prose\n\n# comment\nNO_EQUALS\nB=2\n  \n__proto__=x\n');
    expect(result.entries.map((e) => e.envVar)).toEqual(['A', 'B']);
    expect(result.ignoredLines).toEqual([2, 5, 8]);
  });

  it('skips a UTF-8 byte order mark', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(parse(Buffer.concat([bom, Buffer.from('KEY=v\n')])).entries).toEqual([{ envVar: 'KEY', value: 'v' }]);
  });

  it('refuses a file with NUL bytes as not text', () => {
    const error = refusal(Buffer.from('KEY=abc\u0000def\n'));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toMatch(/^Cannot import project\/\.env: .*not a text file/);
  });

  it('refuses invalid UTF-8', () => {
    const error = refusal(Buffer.concat([Buffer.from('KEY='), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toBe('Cannot import project/.env: it is not UTF-8 text.');
  });

  it('refuses a file larger than MAX_IMPORT_BYTES and accepts one exactly that size', () => {
    expect(MAX_IMPORT_BYTES).toBe(5 * 1024 * 1024);
    const atLimit = Buffer.alloc(MAX_IMPORT_BYTES, '#');
    atLimit.write('KEY=v\n');
    expect(parse(atLimit).entries).toEqual([{ envVar: 'KEY', value: 'v' }]);
    const error = refusal(Buffer.concat([atLimit, Buffer.from('#')]));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toContain('project/.env');
    expect(error.message).toContain('5 MiB');
  });

  it('refuses a file that sets no variables', () => {
    for (const text of ['', '# only a comment\n\n', 'just words\n']) {
      const error = refusal(text);
      expect(error.code).toBe('import-invalid');
      expect(error.message).toContain('project/.env');
      expect(error.message).toContain('no variables');
    }
  });

  it('refuses keys that are not valid environment variable names, naming them but not their values', () => {
    const error = refusal('GOOD=1\nmy.key=secret-value-1\n9LIVES=secret-value-2\n');
    expect(error.code).toBe('import-invalid');
    expect(error.message).toContain('"my.key"');
    expect(error.message).toContain('"9LIVES"');
    expect(error.message).not.toContain('secret-value');
  });
  it('names at most five invalid keys, each cut to 60 characters, so a huge key cannot flood the message', () => {
    const long = `1${'x'.repeat(70_000)}`;
    const message = refusal(`${long}=a\n1A=b\n2B=c\n3C=d\n4D=e\n5E=f\n6F=g\n`).message;
    expect(message.length).toBeLessThan(400);
    expect(message).toContain(`"1${'x'.repeat(59)}…"`);
    expect(message).toMatch(/and 2 more are not valid environment variable names/);
  });
});
