import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRekeyError } from '../../../electron/core/errors.js';
import { GENERIC_PROVIDER_ID, checkFormat, listProviders } from '../../../electron/core/providers/index.js';
import type { MismatchKind } from '../../support/sample-keys.js';
import { ALNUM, OPENAI_MARKER, samplesOf } from '../../support/sample-keys.js';
import { thrownBy } from '../../support/rekey-errors.js';

const keyedProviders = listProviders().filter((p) => p.id !== GENERIC_PROVIDER_ID);

const EXPECTED_WORDING: Record<MismatchKind, RegExp> = {
  prefix: /does not start with/,
  characters: /characters/,
  shorter: /shorter than expected/,
  longer: /longer than expected/,
  structure: /structure/,
};

/** A warning may name the provider and its public prefixes and markers, but nothing of the value itself. */
function expectNoLeak(warning: string, value: string, lead: string): void {
  expect(warning).not.toContain(value);
  expect(warning).not.toContain(value.slice(-4));
  const secret = Array.from(value.slice(lead.length));
  for (let i = 0; i + 6 <= secret.length; i++) {
    const window = secret.slice(i, i + 6).join('');
    if (!OPENAI_MARKER.includes(window)) expect(warning).not.toContain(window);
  }
}

describe('checkFormat', () => {
  for (const provider of keyedProviders) {
    describe(provider.id, () => {
      const { valid, nearMisses } = samplesOf(provider.id);

      it('accepts well-formed keys', () => {
        for (const { value } of valid) expect(checkFormat(provider.id, value)).toBeNull();
      });

      it('explains what is wrong with a malformed key, naming the provider but not the value', () => {
        for (const { kind, lead, value } of nearMisses) {
          const warning = checkFormat(provider.id, value);
          expect(warning, kind).not.toBeNull();
          expect(warning).toContain(provider.displayName);
          expect(warning).toMatch(EXPECTED_WORDING[kind]);
          expectNoLeak(warning ?? '', value, lead);
        }
      });

      it('warns about whitespace and line breaks without quoting the value', () => {
        for (const { value, prefix } of valid) {
          for (const padded of [` ${value}`, `${value}\n`]) {
            const warning = checkFormat(provider.id, padded) ?? '';
            expect(warning).toMatch(/leading or trailing whitespace/);
            expectNoLeak(warning, value, prefix);
          }
          const split = `${value.slice(0, -8)}\n${value.slice(-8)}`;
          const warning = checkFormat(provider.id, split) ?? '';
          expect(warning).toMatch(/line break/);
          expectNoLeak(warning, value, prefix);
        }
      });
    });
  }

  it('flags keys of the right shape that are obviously placeholders', () => {
    const placeholders: Array<[string, string]> = [
      ['github-classic', `ghp_${'x'.repeat(36)}`],
      ['aws-access-key-id', 'AKIAIOSFODNN7EXAMPLE'],
      ['npm', `npm_0123456789abcdefghijklmnopqrstuvwxyz`],
      ['stripe-secret', `sk_test_${'abc'.repeat(8)}`],
    ];
    for (const [providerId, value] of placeholders) {
      expect(checkFormat(providerId, value), providerId).toMatch(/placeholder/);
    }
  });

  it('never echoes an alphanumeric value in a warning, whatever the provider', () => {
    const providerId = fc.constantFrom(...keyedProviders.map((p) => p.id));
    const value = fc.string({ unit: fc.constantFrom(...ALNUM.split('')), minLength: 12, maxLength: 120 });
    fc.assert(
      fc.property(providerId, value, (id, v) => {
        const warning = checkFormat(id, v);
        return warning === null || !warning.includes(v);
      }),
    );
  });

  it('reports an empty value', () => {
    expect(checkFormat('openai', '')).toMatch(/empty/);
  });

  it('has no opinion on generic values', () => {
    for (const value of ['', ' padded ', '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n', 'x']) {
      expect(checkFormat(GENERIC_PROVIDER_ID, value)).toBeNull();
    }
  });

  it('rejects an unknown provider id with invalid-input, listing the valid ids and not echoing the argument', () => {
    const secretLookingId = `sk_live_${'Q7'.repeat(12)}`;
    const error = thrownBy(() => checkFormat(secretLookingId, 'whatever'));
    expect(isRekeyError(error) && error.code).toBe('invalid-input');
    const message = (error as Error).message;
    for (const provider of listProviders()) expect(message).toContain(provider.id);
    expect(message).not.toContain(secretLookingId);
  });
});
