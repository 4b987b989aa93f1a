import { describe, expect, it } from 'vitest';
import { findProvider } from '../../../electron/core/providers/index.js';
import {
  ROTATION_ADAPTERS,
  findRotationAdapter,
  resolveBaseUrl,
  rotationAdapterById,
} from '../../../electron/core/rotation/adapters/index.js';

describe('the rotation adapters', () => {
  it('each serves catalog providers that exist, and no provider has two adapters', () => {
    const seen = new Set<string>();
    for (const adapter of ROTATION_ADAPTERS) {
      for (const id of adapter.providerIds) {
        expect(findProvider(id), `${adapter.id} names unknown provider ${id}`).toBeDefined();
        expect(seen.has(id), `${id} has two adapters`).toBe(false);
        seen.add(id);
      }
    }
    expect(findRotationAdapter('gitlab')?.id).toBe('gitlab');
    expect(findRotationAdapter('aws-access-key-id')?.id).toBe('aws-iam');
    expect(findRotationAdapter('github-classic')?.kind).toBe('revoke-only');
    expect(findRotationAdapter('openai')?.id).toBe('openai');
    expect(findRotationAdapter('anthropic')?.kind).toBe('revoke-only');
    expect(findRotationAdapter('stripe-secret')).toBeUndefined();
    expect(rotationAdapterById('cloudflare')?.id).toBe('cloudflare');
  });

  it('each has an https default base URL and cites an https API reference', () => {
    for (const adapter of ROTATION_ADAPTERS) {
      expect(resolveBaseUrl(undefined, adapter.defaultBaseUrl).protocol).toBe('https:');
      expect(new URL(adapter.referenceUrl).protocol).toBe('https:');
    }
  });
});
