import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type KnownValue, KnownValueIndex } from '../../../electron/core/scan/known-values.js';

function known(value: string | Buffer, name = 'key', version = 1): KnownValue {
  return {
    bytes: typeof value === 'string' ? Buffer.from(value, 'utf8') : value,
    secretId: `id-${name}`,
    name,
    version,
    current: true,
    providerId: 'generic',
    masked: '••••••••',
  };
}

describe('KnownValueIndex', () => {
  it('finds every occurrence of every value, with byte offsets, at the edges too', () => {
    const a = 'sk_live_aaaaBBBBccccDDDD1234';
    const b = 'pässwörd-with-ümlauts-0123';
    const text = Buffer.from(`${a} then ${b}\n${a}${a}`, 'utf8');
    const index = new KnownValueIndex([known(a, 'a'), known(b, 'b')]);
    const matches = index.find(text).map((match) => [match.value.name, match.offset, match.length]);
    const aLength = Buffer.byteLength(a);
    const bOffset = text.indexOf(Buffer.from(b));
    const secondLine = text.indexOf(0x0a) + 1;
    expect(matches).toEqual([
      ['a', 0, aLength],
      ['b', bOffset, Buffer.byteLength(b)],
      ['a', secondLine, aLength],
      ['a', secondLine + aLength, aLength],
    ]);
  });

  it('tells values that share their first bytes apart by comparing them whole', () => {
    const shared = 'prefix12';
    const one = `${shared}-one-AAAA`;
    const two = `${shared}-two-BBBB`;
    const index = new KnownValueIndex([known(one, 'one'), known(two, 'two')]);
    expect(index.find(Buffer.from(`x ${two} y ${shared}-one-AAA`)).map((match) => match.value.name)).toEqual(['two']);
  });

  it('does not report a value cut short by the end of the text or differing in its last byte', () => {
    const value = 'abcdefgh-0123456789';
    const index = new KnownValueIndex([known(value)]);
    expect(index.find(Buffer.from(value.slice(0, -1)))).toEqual([]);
    expect(index.find(Buffer.from(`${value.slice(0, -1)}X`))).toEqual([]);
    expect(index.find(Buffer.from(value))).toHaveLength(1);
  });

  it('leaves out values too short to mean a leak, and says how many', () => {
    const index = new KnownValueIndex([known('short'), known('long-enough-value')]);
    expect(index.tooShort.map((value) => value.bytes.toString())).toEqual(['short']);
    expect(index.size).toBe(1);
    expect(index.find(Buffer.from('a short text'))).toEqual([]);
  });

  it('matches random binary values among thousands (the hash filter never drops a real hit)', () => {
    const values = Array.from({ length: 3000 }, (_, i) => known(randomBytes(12 + (i % 40)), `k${i}`));
    const index = new KnownValueIndex(values);
    const [a, b, c] = [values[7], values[1500], values[2999]].map((value) => (value as KnownValue).bytes);
    const text = Buffer.concat([randomBytes(5000), a as Buffer, randomBytes(3), b as Buffer, c as Buffer, randomBytes(100)]);
    const names = index.find(text).map((match) => match.value.name);
    expect(names).toEqual(expect.arrayContaining(['k7', 'k1500', 'k2999']));
  });

  it('finds values of every length from 8 bytes at every alignment (sampled and rolling paths)', () => {
    for (let length = 8; length <= 24; length++) {
      const value = randomBytes(length);
      const index = new KnownValueIndex([known(value)]);
      for (let at = 0; at <= 17; at++) {
        const text = Buffer.concat([Buffer.alloc(at, 0x20), value, Buffer.alloc(at % 5, 0x20)]);
        expect(
          index.find(text).map((match) => match.offset),
          `length ${length} at ${at}`,
        ).toEqual([at]);
      }
    }
  });

  it('finds the same in aligned memory (32-bit reads) as at an odd offset (byte reads)', () => {
    const values = Array.from({ length: 50 }, (_, i) => known(randomBytes(15 + i), `v${i}`));
    const index = new KnownValueIndex(values);
    const text = Buffer.concat(values.flatMap((value) => [randomBytes(1 + (value.bytes.length % 7)), value.bytes]));
    const aligned = Buffer.from(new ArrayBuffer(text.length));
    text.copy(aligned);
    const odd = Buffer.from(new ArrayBuffer(text.length + 1), 1, text.length);
    text.copy(odd);
    expect(aligned.byteOffset % 4).toBe(0);
    const found = (buffer: Buffer) => index.find(buffer).map((match) => `${match.value.name}@${match.offset}`);
    expect(found(aligned)).toHaveLength(50);
    expect(found(odd)).toEqual(found(aligned));
  });
});
