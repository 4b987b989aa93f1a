import { describe, expect, it } from 'vitest';
import { GENERIC_PROVIDER_ID, findProvider, listProviders, publicPrefix } from '../../../electron/core/providers/index.js';
import { samplesOf } from '../../support/sample-keys.js';
import { expectRekeyError } from '../../support/rekey-errors.js';

const REQUIRED_IDS = [
  'openai',
  'anthropic',
  'github-classic',
  'github-fine-grained',
  'gitlab',
  'aws-access-key-id',
  'stripe-secret',
  'stripe-restricted',
  'slack',
  'google-api-key',
  'sendgrid',
  'npm',
  'huggingface',
  'twilio',
  GENERIC_PROVIDER_ID,
];

describe('provider catalog', () => {
  const providers = listProviders();

  it('lists every required provider once, generic last', () => {
    const ids = providers.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
    expect(ids.at(-1)).toBe(GENERIC_PROVIDER_ID);
  });

  it('gives every provider usable metadata', () => {
    for (const provider of providers) {
      expect(provider.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(provider.displayName.trim()).not.toBe('');
      // null: the user's default from settings applies; only a provider with a reason has its own
      const own = provider.defaultRotateEveryDays;
      expect(own === null || (Number.isInteger(own) && own > 0)).toBe(true);
      if (provider.rotateUrl !== null) expect(new URL(provider.rotateUrl).protocol).toBe('https:');
      if (provider.id === GENERIC_PROVIDER_ID) expect(provider.suggestedEnvVar).toBeNull();
      else expect(provider.suggestedEnvVar).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });

  it('only AWS access keys have an interval of their own (60 days)', () => {
    const own = providers
      .filter((provider) => provider.defaultRotateEveryDays !== null)
      .map((provider) => [provider.id, provider.defaultRotateEveryDays]);
    expect(own).toEqual([['aws-access-key-id', 60]]);
  });

  it('exposes metadata only, and it cannot be altered by callers', () => {
    const openai = findProvider('openai');
    expect(openai && Object.keys(openai).sort()).toEqual(['defaultRotateEveryDays', 'displayName', 'id', 'rotateUrl', 'suggestedEnvVar']);
    expect(() => {
      (openai as { displayName: string }).displayName = 'Changed';
    }).toThrow(TypeError);
    expect(() => (providers as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(findProvider('openai')?.displayName).toBe('OpenAI');
  });

  it('finds providers by id and nothing for unknown ids', () => {
    expect(findProvider('anthropic')?.displayName).toBe('Anthropic');
    expect(findProvider('github-classic')?.suggestedEnvVar).toBe('GITHUB_TOKEN');
    expect(findProvider('nope')).toBeUndefined();
    expect(findProvider('OpenAI')).toBeUndefined();
  });
});

describe('publicPrefix', () => {
  for (const provider of listProviders().filter((p) => p.id !== GENERIC_PROVIDER_ID)) {
    it(`returns the public prefix of ${provider.id} keys`, () => {
      for (const { value, prefix } of samplesOf(provider.id).valid) expect(publicPrefix(provider.id, value)).toBe(prefix);
    });
  }

  it('prefers the longest prefix present', () => {
    expect(publicPrefix('openai', 'sk-proj-abc')).toBe('sk-proj-');
    expect(publicPrefix('openai', 'sk-abc')).toBe('sk-');
    expect(publicPrefix('slack', 'xoxe.xoxp-1-abc')).toBe('xoxe.xoxp-');
  });

  it('returns an empty string when the value does not start with a prefix of that provider', () => {
    expect(publicPrefix('openai', 'ghp_abc')).toBe('');
    expect(publicPrefix('github-classic', ' ghp_abc')).toBe('');
    expect(publicPrefix(GENERIC_PROVIDER_ID, 'sk-proj-abc')).toBe('');
  });

  it('rejects unknown provider ids with invalid-input', () => {
    expectRekeyError(() => publicPrefix('nope', 'sk-proj-abc'), 'invalid-input');
  });
});
