import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterContext } from '../../../electron/core/rotation/adapters/adapter.js';
import { Credential } from '../../../electron/core/rotation/adapters/credential.js';
import { openaiAdapter } from '../../../electron/core/rotation/adapters/openai.js';
import { OpenAiStandin } from '../../standins/openai.js';
import { expectProviderError } from './error-checks.js';

let openai: OpenAiStandin;
let admin: string;
beforeEach(async () => {
  openai = await OpenAiStandin.start();
  admin = openai.issueAdminKey();
});
afterEach(async () => {
  await openai.close();
});

function ctx(auth = admin, settings: Record<string, string> = { projectId: 'proj_abc', serviceAccountName: 'ci' }) {
  return adapterContext(openaiAdapter, { baseUrl: openai.url, auth: Credential.token(auth), settings });
}

describe('OpenAI adapter against the stand-in', () => {
  it('creates a new service account with its key, verifies it, deletes the old account: the old key gets 401', async () => {
    const old = openai.createServiceAccount('proj_abc', 'ci');
    const minted = await openaiAdapter.mint(ctx());
    const fresh = minted.credential.reveal();
    if (fresh.kind !== 'token') throw new Error('token expected');
    expect(fresh.token).toMatch(/^sk-svcacct-/);
    expect(minted.providerKeyId).toMatch(/^svc_acct_/);
    expect(await openaiAdapter.verify(ctx(fresh.token), minted.credential)).toEqual({ identity: null });
    expect((await openaiAdapter.list(ctx())).map((k) => [k.providerKeyId, k.name])).toEqual([
      [old.id, 'ci'],
      [minted.providerKeyId, 'ci'],
    ]);

    expect(await openaiAdapter.revoke(ctx(), { providerKeyId: old.id })).toEqual({ outcome: 'revoked' });
    const refused = await expectProviderError(openaiAdapter.verify(ctx(old.key), Credential.token(old.key)), 'unauthorised', [
      old.key,
      fresh.token,
      admin,
    ]);
    expect(refused.providerCode).toBe('invalid_api_key');
    expect(await openaiAdapter.revoke(ctx(), { providerKeyId: old.id })).toEqual({ outcome: 'already-revoked' });
    expect(openai.works(fresh.token)).toBe(true);
  });

  it('a project key cannot manage service accounts: forbidden, naming the admin key', async () => {
    const old = openai.createServiceAccount('proj_abc', 'ci');
    const error = await expectProviderError(openaiAdapter.mint(ctx(old.key)), 'forbidden', [old.key]);
    expect(error.message).toMatch(/organization admin key/);
  });

  it('needs the project id, and revokes by service account id only', async () => {
    await expect(openaiAdapter.mint(ctx(admin, {}))).rejects.toThrow(/settings.projectId/);
    await expect(openaiAdapter.revoke(ctx(), { credential: Credential.token('sk-svcacct-whatever-whatever') })).rejects.toThrow(
      /service account id, not the value/,
    );
    expect(openai.server.calls).toEqual([]);
  });

  it('maps 429 with Retry-After and a dropped connection', async () => {
    openai.server.failNext({
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '20' },
      json: { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
    });
    const limited = await expectProviderError(openaiAdapter.mint(ctx()), 'rate-limited', [admin]);
    expect(limited.retryAfterSeconds).toBe(20);
    expect(limited.providerCode).toBe('rate_limit_exceeded');
    openai.server.failNext({ kind: 'reset' });
    await expectProviderError(openaiAdapter.mint(ctx()), 'unreachable', [admin]);
  });
});
