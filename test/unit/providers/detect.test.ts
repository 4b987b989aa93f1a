import { describe, expect, it } from 'vitest';
import { GENERIC_PROVIDER_ID, detectProvider, listProviders } from '../../../electron/core/providers/index.js';
import { SAMPLES, samplesOf } from '../../support/sample-keys.js';

const keyedProviders = listProviders().filter((p) => p.id !== GENERIC_PROVIDER_ID);

describe('detectProvider', () => {
  it('recognises at least 14 providers from the value alone', () => {
    expect(keyedProviders.length).toBeGreaterThanOrEqual(14);
    // Every provider in the catalog must have samples, so none is left untested.
    expect(Object.keys(SAMPLES).sort()).toEqual(keyedProviders.map((p) => p.id).sort());
  });

  for (const provider of keyedProviders) {
    describe(provider.id, () => {
      const { valid, nearMisses } = samplesOf(provider.id);

      it('detects realistic synthetic keys', () => {
        for (const { value } of valid) expect(detectProvider(value).id, value.slice(0, 12)).toBe(provider.id);
      });

      it('does not detect near misses (wrong length, characters, prefix or structure)', () => {
        for (const { kind, value } of nearMisses) expect(detectProvider(value).id, kind).not.toBe(provider.id);
      });

      it('does not detect a key with surrounding or embedded whitespace', () => {
        for (const { value } of valid) {
          for (const padded of [
            ` ${value}`,
            `${value} `,
            `${value}\n`,
            `${value}\r\n`,
            `\t${value}`,
            `${value.slice(0, 10)} ${value.slice(10)}`,
          ]) {
            expect(detectProvider(padded).id).toBe(GENERIC_PROVIDER_ID);
          }
        }
      });

      it('does not detect a key embedded in a longer string', () => {
        for (const { value } of valid) {
          expect(detectProvider(`export KEY=${value}`).id).not.toBe(provider.id);
          expect(detectProvider(`"${value}"`).id).not.toBe(provider.id);
        }
      });
    });
  }

  it('prefers Anthropic over the looser OpenAI sk- shape', () => {
    for (const { value } of samplesOf('anthropic').valid) expect(detectProvider(value).id).toBe('anthropic');
  });

  it('falls back to generic when nothing matches', () => {
    for (const value of ['', 'hunter2', 'a'.repeat(64), '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n', 'sk-', 'ghp_']) {
      expect(detectProvider(value).id).toBe(GENERIC_PROVIDER_ID);
    }
  });

  it('returns the same metadata object listProviders does', () => {
    const sample = samplesOf('npm').valid[0]?.value ?? '';
    expect(detectProvider(sample)).toBe(listProviders().find((p) => p.id === 'npm'));
  });
});
