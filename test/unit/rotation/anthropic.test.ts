import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterContext } from '../../../electron/core/rotation/adapters/adapter.js';
import { anthropicAdapter } from '../../../electron/core/rotation/adapters/anthropic.js';
import { Credential } from '../../../electron/core/rotation/adapters/credential.js';
import { AnthropicStandin } from '../../standins/anthropic.js';
import { expectProviderError } from './error-checks.js';

let anthropic: AnthropicStandin;
let admin: string;
beforeEach(async () => {
  anthropic = await AnthropicStandin.start();
  admin = anthropic.issueAdminKey();
});
afterEach(async () => {
  await anthropic.close();
});

const ctx = (auth = admin) => adapterContext(anthropicAdapter, { baseUrl: anthropic.url, auth: Credential.token(auth) });

async function modelsStatus(key: string): Promise<number> {
  return (await fetch(`${anthropic.url}/v1/models`, { headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01' } })).status;
}

describe('Anthropic revoke-only adapter against the stand-in', () => {
  it('sets a key inactive by id: it then gets 401, and a second revoke is harmless', async () => {
    const key = anthropic.issueKey('ci');
    expect(await modelsStatus(key.value)).toBe(200);
    expect(await anthropicAdapter.revoke(ctx(), { providerKeyId: key.id })).toEqual({ outcome: 'revoked' });
    expect(anthropic.statusOf(key.id)).toBe('inactive');
    expect(await modelsStatus(key.value)).toBe(401);
    expect(await anthropicAdapter.revoke(ctx(), { providerKeyId: key.id })).toEqual({ outcome: 'already-revoked' });
  });

  it('finds a key given by value through its partial hint, without sending the value', async () => {
    anthropic.issueKey('other');
    const key = anthropic.issueKey('exposed');
    expect(await anthropicAdapter.revoke(ctx(), { credential: Credential.token(key.value) })).toEqual({ outcome: 'revoked' });
    expect(anthropic.statusOf(key.id)).toBe('inactive');
    const unknown = `sk-ant-api03-${'Z'.repeat(93)}AA`;
    const error = await expectProviderError(anthropicAdapter.revoke(ctx(), { credential: Credential.token(unknown) }), 'not-found', [
      unknown,
      admin,
    ]);
    expect(error.message).toMatch(/no API key of this organization matches/);
  });

  it('refuses to guess when two keys share the hint', async () => {
    const common = `sk-ant-api03-${'Q'.repeat(93)}AA`;
    const twin = `sk-ant-api03-${'Q'.repeat(40)}X${'Q'.repeat(52)}AA`;
    anthropic.issueKey('a', common);
    anthropic.issueKey('b', twin);
    const error = await expectProviderError(anthropicAdapter.revoke(ctx(), { credential: Credential.token(common) }), 'rejected', [
      common,
      twin,
      admin,
    ]);
    expect(error.message).toMatch(/give the key id/);
  });

  it('a plain API key cannot revoke: forbidden, naming the admin key; 529 is a provider failure', async () => {
    const key = anthropic.issueKey('ci');
    const other = anthropic.issueKey('other');
    const error = await expectProviderError(anthropicAdapter.revoke(ctx(key.value), { providerKeyId: other.id }), 'forbidden', [key.value]);
    expect(error.providerCode).toBe('permission_error');
    expect(error.message).toMatch(/admin key/);
    anthropic.server.failNext({
      kind: 'status',
      status: 529,
      json: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    });
    await expectProviderError(anthropicAdapter.revoke(ctx(), { providerKeyId: other.id }), 'provider-failure', [admin]);
    expect(anthropic.statusOf(other.id)).toBe('active');
  });
});
