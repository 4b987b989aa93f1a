import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVIDER_SPECS } from '../../../electron/core/providers/catalog.js';
import { CANDIDATE_PATTERN } from '../../../electron/core/providers/find-candidates.js';
import { looksLikePlaceholder } from '../../../electron/core/providers/placeholder.js';
import { longestPrefixOf } from '../../../electron/core/providers/public-prefix.js';
import { GENERIC_PROVIDER_ID, findCandidateKeys, findCandidateKeysInBytes, listProviders } from '../../../electron/core/providers/index.js';
import { ALNUM, samplesOf } from '../../support/sample-keys.js';

const keyedProviders = listProviders().filter((p) => p.id !== GENERIC_PROVIDER_ID);

function sample(providerId: string, index = 0): string {
  const value = samplesOf(providerId).valid[index]?.value;
  if (value === undefined) throw new Error(`no sample ${index} for ${providerId}`);
  return value;
}

function located(text: string, providerId: string, key: string): { providerId: string; index: number; length: number } {
  const index = text.indexOf(key);
  if (index < 0) throw new Error('key not planted');
  return { providerId, index, length: key.length };
}

describe('findCandidateKeys', () => {
  it('finds keys planted in config, JSON, shell and prose, in order, with exact positions', () => {
    const github = sample('github-classic');
    const aws = sample('aws-access-key-id');
    const anthropic = sample('anthropic');
    const sendgrid = sample('sendgrid');
    const stripe = sample('stripe-secret');
    const text = [
      '# settings',
      `GITHUB_TOKEN=${github}`,
      `{"aws": "${aws}", "region": "eu-west-1"}`,
      `export ANTHROPIC_API_KEY='${anthropic}'\r`,
      `Mail is sent with ${sendgrid}. Payments use ${stripe}, see docs.`,
    ].join('\n');

    expect(findCandidateKeys(text)).toEqual([
      located(text, 'github-classic', github),
      located(text, 'aws-access-key-id', aws),
      located(text, 'anthropic', anthropic),
      located(text, 'sendgrid', sendgrid),
      located(text, 'stripe-secret', stripe),
    ]);
  });

  for (const provider of keyedProviders) {
    it(`finds every ${provider.id} sample shape in surrounding text`, () => {
      for (const { value } of samplesOf(provider.id).valid) {
        const text = `line one\nconfig: key=${value};\nline three`;
        expect(findCandidateKeys(text)).toEqual([located(text, provider.id, value)]);
      }
    });
  }

  it('reports offsets a caller can slice with, even after astral characters', () => {
    const key = sample('npm');
    const text = `😀 🔑 ${key} ✅`;
    const [found] = findCandidateKeys(text);
    expect(found).toBeDefined();
    expect(text.slice(found?.index, (found?.index ?? 0) + (found?.length ?? 0))).toBe(key);
  });

  it('skips obvious placeholders', () => {
    const placeholders = [
      'sk-xxxxxxxx',
      `sk-${'x'.repeat(20)}T3BlbkFJ${'x'.repeat(20)}`,
      `ghp_${'x'.repeat(36)}`,
      `ghp_${'A'.repeat(36)}`,
      'AKIAIOSFODNN7EXAMPLE',
      `AKIA${'X'.repeat(16)}`,
      `npm_0123456789abcdefghijklmnopqrstuvwxyz`,
      `hf_${'ab'.repeat(17)}`,
      `sk_test_${'abc'.repeat(8)}`,
      `sk_live_YourSecretKey${'0'.repeat(12)}`,
      `glpat-your_api_key_here123`,
      `SG.${'x'.repeat(22)}.${'x'.repeat(43)}`,
      `dop_v1_${'0'.repeat(64)}`,
      `lin_api_Example${ALNUM.slice(0, 33)}`,
    ];
    const text = placeholders.map((p) => `TOKEN=${p}`).join('\n');
    expect(findCandidateKeys(text)).toEqual([]);
  });

  it('ignores key-shaped fragments glued to longer tokens', () => {
    const github = sample('github-classic');
    const google = sample('google-api-key');
    const text = `x${github} ${github}Z ${google}-extra _${google}`;
    expect(findCandidateKeys(text)).toEqual([]);
  });

  it('reports the more specific provider where shapes could overlap', () => {
    const text = `ANTHROPIC=${sample('anthropic', 1)}`;
    expect(findCandidateKeys(text).map((c) => c.providerId)).toEqual(['anthropic']);
  });

  it('finds nothing in ordinary text', () => {
    expect(findCandidateKeys('')).toEqual([]);
    expect(findCandidateKeys('The quick brown fox; skip-this sk- ghp_ AKIA 1234 a1b2c3d4e5f6 https://example.com/path?q=1')).toEqual([]);
  });
});

/** The definition findCandidateKeys must agree with: the whole pattern and the placeholder filter, the slow way. */
function byPattern(text: string): Array<{ providerId: string; index: number; length: number }> {
  const specs = PROVIDER_SPECS.filter((spec) => spec.forms.length > 0);
  return [...text.matchAll(CANDIDATE_PATTERN)].flatMap((match) => {
    const spec = specs[match.findIndex((captured: string | undefined, i) => i > 0 && captured !== undefined) - 1];
    if (spec === undefined) throw new Error('no group matched');
    if (looksLikePlaceholder(match[0].slice(longestPrefixOf(spec, match[0]).length))) return [];
    return [{ providerId: spec.id, index: match.index, length: match[0].length }];
  });
}

describe('findCandidateKeys agrees with CANDIDATE_PATTERN', () => {
  const keys = keyedProviders.flatMap((provider) => samplesOf(provider.id).valid.map((valid) => valid.value));
  const nearMisses = keyedProviders.flatMap((provider) => samplesOf(provider.id).nearMisses.map((miss) => miss.value));
  const pieces = fc.oneof(
    fc.constantFrom(...keys),
    fc.constantFrom(...nearMisses),
    fc.constantFrom(
      ' ',
      '\n',
      '"',
      "'",
      '=',
      '.',
      '-',
      '_',
      'x',
      '/',
      ':',
      'é',
      '😀',
      'key-',
      'SK',
      'sk-',
      'AKIA',
      'dapi',
      `${'a'.repeat(32)}-`,
    ),
    fc.string({ unit: fc.constantFrom(...'0123456789abcdef-ABCDEFXYZ_ .'.split('')), maxLength: 60 }),
  );

  it('on random mixes of keys, near misses, separators and hex runs', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(findCandidateKeys(text)).toEqual(byPattern(text));
        // the byte scanner reads UTF-8 bytes as latin1: same keys, byte offsets
        const bytes = Buffer.from(text, 'utf8');
        expect(findCandidateKeysInBytes(bytes)).toEqual(byPattern(bytes.toString('latin1')));
      }),
      { numRuns: 3000 },
    );
  });

  it('on every sample key glued to every separator', () => {
    for (const key of keys) {
      for (const text of [key, ` ${key} `, `x${key}`, `${key}x`, `.${key}.`, `${key}-${key}`, `${key} ${key}`]) {
        expect(findCandidateKeys(text), text).toEqual(byPattern(text));
        expect(findCandidateKeysInBytes(Buffer.from(text)), text).toEqual(byPattern(text));
      }
    }
  });
});
