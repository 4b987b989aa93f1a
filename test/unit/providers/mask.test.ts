import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERIC_PROVIDER_ID, detectProvider, listProviders, maskValue, publicPrefix } from '../../../electron/core/providers/index.js';
import { ALNUM, samplesOf } from '../../support/sample-keys.js';

const BULLETS = '••••••••';
const keyedProviders = listProviders().filter((p) => p.id !== GENERIC_PROVIDER_ID);
const providerIds = fc.constantFrom(...listProviders().map((p) => p.id));

// Any printable, non-space code point except the bullet itself (so bullets in the output
// can only come from the mask), including astral characters.
const safeCharacter = fc.oneof(
  fc.constantFrom(...ALNUM.split('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !/[\s\p{C}\p{Z}•]/u.test(c)),
);
const safeString = (minLength: number, maxLength: number): fc.Arbitrary<string> => fc.string({ unit: safeCharacter, minLength, maxLength });

const codePoints = (text: string): string[] => Array.from(text);

/** Every run of 5 code points from the hidden part, none of which may appear in the shown text. */
function windowsOf(hidden: readonly string[], size = 5): string[] {
  const windows: string[] = [];
  for (let i = 0; i + size <= hidden.length; i++) windows.push(hidden.slice(i, i + size).join(''));
  return windows;
}

describe('maskValue', () => {
  it('shows the public prefix, a fixed run of 8 bullets and the last 4 characters of a provider key', () => {
    for (const provider of keyedProviders) {
      for (const { value, prefix } of samplesOf(provider.id).valid) {
        const expected = `${prefix}${BULLETS}${value.slice(-4)}`;
        expect(maskValue(value, provider.id)).toBe(expected);
        expect(maskValue(value)).toBe(expected); // detected when no provider is given
      }
    }
  });

  it('shows no prefix for generic values, only bullets and the last 4', () => {
    const openai = samplesOf('openai').valid[0]?.value ?? '';
    expect(maskValue(openai, GENERIC_PROVIDER_ID)).toBe(`${BULLETS}${openai.slice(-4)}`);
    expect(maskValue('correct horse battery staple'.replaceAll(' ', '-'))).toBe(`${BULLETS}aple`);
  });

  it('shows only bullets for values under 16 code points, even with a known prefix', () => {
    expect(maskValue('ghp_abc123', 'github-classic')).toBe(BULLETS);
    expect(maskValue('hunter2')).toBe(BULLETS);
    expect(maskValue('')).toBe(BULLETS);
    expect(maskValue('😀'.repeat(15))).toBe(BULLETS); // 30 UTF-16 units, 15 code points
    expect(maskValue('😀'.repeat(16))).toBe(`${BULLETS}${'😀'.repeat(4)}`);
  });

  it('shows only bullets for a PEM or any value with whitespace, control or invisible characters', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'.repeat(3)}\n-----END PRIVATE KEY-----\n`;
    expect(maskValue(pem)).toBe(BULLETS);
    const openai = samplesOf('openai').valid[0]?.value ?? '';
    for (const tainted of [
      `${openai}\n`,
      ` ${openai}`,
      `${openai.slice(0, 20)}\t${openai.slice(20)}`,
      `${openai}\u200b`,
      `${openai}\u0000`,
    ]) {
      expect(maskValue(tainted, 'openai')).toBe(BULLETS);
    }
  });

  it('drops the tail when a long public prefix leaves too little hidden', () => {
    // 20-character PyPI prefix + 10 characters: the last 4 would be 40% of the secret.
    expect(maskValue(`pypi-AgEIcHlwaS5vcmck3Xq9LmZ2w`, 'pypi')).toBe(`pypi-AgEIcHlwaS5vcmc${BULLETS}`);
  });

  it('masks unknown provider ids like generic instead of failing', () => {
    const value = `ghp_${'Z8'.repeat(18)}`;
    expect(maskValue(value, 'no-such-provider')).toBe(`${BULLETS}Z8Z8`);
  });

  describe('properties', () => {
    it('never reveals any 5 consecutive code points of the hidden middle; only the public prefix precedes the bullets', () => {
      fc.assert(
        fc.property(safeString(0, 80), fc.option(providerIds, { nil: undefined }), (value, id) => {
          const masked = maskValue(value, id);
          const lead = masked.slice(0, masked.indexOf('•'));
          const expectedPrefix = publicPrefix(id ?? detectProvider(value).id, value);
          const shown = masked.slice(lead.length);
          return (lead === '' || lead === expectedPrefix) && windowsOf(codePoints(value).slice(0, -4)).every((w) => !shown.includes(w));
        }),
      );
    });

    it('never reveals the hidden middle of a key behind a real provider prefix', () => {
      const prefixed = fc.constantFrom(...keyedProviders.flatMap((p) => samplesOf(p.id).valid.map((v) => [p.id, v.prefix] as const)));
      fc.assert(
        fc.property(prefixed, safeString(0, 80), ([id, prefix], body) => {
          const masked = maskValue(prefix + body, id);
          const shown = masked.startsWith(prefix) ? masked.slice(prefix.length) : masked;
          const hiddenMiddle = codePoints(body).slice(0, -4);
          return windowsOf(hiddenMiddle).every((w) => !shown.includes(w));
        }),
      );
    });

    it('does not depend on the value length: same prefix and tail give the same mask', () => {
      const prefixOrNone = fc.constantFrom(
        [GENERIC_PROVIDER_ID, ''] as const,
        ...keyedProviders.map((p) => [p.id, samplesOf(p.id).valid[0]?.prefix ?? ''] as const),
      );
      fc.assert(
        fc.property(prefixOrNone, safeString(16, 60), safeString(16, 300), safeString(4, 4), ([id, prefix], a, b, tail) => {
          const first = maskValue(prefix + a + tail, id);
          const second = maskValue(prefix + b + tail, id);
          return first === second && first === `${prefix}${BULLETS}${tail}`;
        }),
      );
    });

    it('has at most 12 code points beyond the public prefix', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), providerIds, (value, id) => {
          const masked = maskValue(value, id);
          const afterPrefix = masked.slice(masked.indexOf('•'));
          return masked.includes(BULLETS) && codePoints(afterPrefix).length <= 12;
        }),
      );
    });

    it('is exactly the bullets for any value under 16 code points', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 15 }), fc.option(providerIds, { nil: undefined }), (value, id) => {
          return maskValue(value, id) === BULLETS;
        }),
      );
    });

    it('is exactly the bullets for any value containing whitespace or a control character', () => {
      const taint = fc.constantFrom(' ', '\n', '\r', '\t', '\u0000', '\u00a0', '\u2028', '\u200b', '\u202e');
      fc.assert(
        fc.property(safeString(0, 60), taint, safeString(0, 60), fc.option(providerIds, { nil: undefined }), (a, t, b, id) => {
          return maskValue(a + t + b, id) === BULLETS;
        }),
      );
    });
  });
});
