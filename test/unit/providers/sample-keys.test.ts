import { describe, expect, it } from 'vitest';
import { checkFormat, detectProvider } from '../../../electron/core/providers/index.js';
import { sampleKeys } from '../../support/sample-keys.js';

/** Which provider each fresh sample must be taken for: the vault, CLI, e2e and bench tests rely on it. */
const EXPECTED: Record<keyof typeof sampleKeys, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  github: 'github-classic',
  githubFineGrained: 'github-fine-grained',
  stripe: 'stripe-secret',
  aws: 'aws-access-key-id',
  sendgrid: 'sendgrid',
  digitalocean: 'digitalocean',
  groq: 'groq',
  slack: 'slack',
  npm: 'npm',
  pypi: 'pypi',
  generic: 'generic',
};

describe('the shared fresh sample keys', () => {
  it.each(Object.entries(EXPECTED))('%s is detected as %s and passes its format check, every time', (maker, provider) => {
    const make = sampleKeys[maker as keyof typeof sampleKeys];
    const values = Array.from({ length: 25 }, () => make());
    for (const value of values) {
      expect(detectProvider(value).id).toBe(provider);
      expect(checkFormat(provider, value)).toBeNull();
    }
    expect(new Set(values).size, 'fresh per call').toBe(values.length);
  });
});
