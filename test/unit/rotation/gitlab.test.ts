import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterContext } from '../../../electron/core/rotation/adapters/adapter.js';
import { Credential } from '../../../electron/core/rotation/adapters/credential.js';
import { gitlabAdapter } from '../../../electron/core/rotation/adapters/gitlab.js';
import { GitLabStandin } from '../../standins/gitlab.js';
import { expectProviderError } from './error-checks.js';

let gitlab: GitLabStandin;
beforeEach(async () => {
  gitlab = await GitLabStandin.start();
});
afterEach(async () => {
  await gitlab.close();
});

function ctx(token: string, extra: { timeoutMs?: number; settings?: Record<string, string> } = {}) {
  return adapterContext(gitlabAdapter, { baseUrl: gitlab.url, auth: Credential.token(token), ...extra });
}

describe('GitLab adapter against the stand-in', () => {
  it('mints, verifies and leaves one live token: the new one (the old one gets 401)', async () => {
    const old = gitlab.issueToken();
    const minted = await gitlabAdapter.mint(ctx(old, { settings: { expiresInDays: '30' } }));
    const fresh = minted.credential.reveal();
    expect(fresh.kind).toBe('token');
    if (fresh.kind !== 'token') return;
    expect(fresh.token).toMatch(/^glpat-/);
    expect(fresh.token).not.toBe(old);
    expect(minted.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 28 * 86_400_000);
    expect(gitlab.liveTokens()).toEqual([fresh.token]);

    const verified = await gitlabAdapter.verify(ctx(fresh.token), minted.credential);
    expect(verified).toEqual({ identity: `token ${minted.providerKeyId} of user 1`, providerKeyId: minted.providerKeyId });
    const refused = await expectProviderError(gitlabAdapter.verify(ctx(old), Credential.token(old)), 'unauthorised', [old, fresh.token]);
    expect(refused.status).toBe(401);
    expect(refused.providerCode).toBe('invalid_token');
    expect(refused.message).toBe(
      'GitLab refused the credential (wrong, expired or revoked) while verifying the new token (HTTP 401, invalid_token).',
    );
  });

  it('says the old token is revoked by the mint itself, and revoking it again is harmless', async () => {
    expect(gitlabAdapter.mintRevokesOld).toBe(true);
    const old = gitlab.issueToken();
    const minted = await gitlabAdapter.mint(ctx(old));
    const fresh = minted.credential.reveal();
    if (fresh.kind !== 'token') throw new Error('token expected');
    expect(await gitlabAdapter.revoke(ctx(fresh.token), { credential: Credential.token(old) })).toEqual({ outcome: 'already-revoked' });
    expect(gitlab.liveTokens()).toEqual([fresh.token]);
  });

  it('revokes a token by id with another live token, and by its own value', async () => {
    const first = gitlab.issueToken();
    const second = gitlab.issueToken();
    const keys = await gitlabAdapter.list(ctx(second));
    const firstId = keys[0]?.providerKeyId ?? '';
    expect(keys.map((k) => k.status)).toEqual(['active', 'active']);
    expect(await gitlabAdapter.revoke(ctx(second), { providerKeyId: firstId })).toEqual({ outcome: 'revoked' });
    expect(gitlab.liveTokens()).toEqual([second]);
    expect(await gitlabAdapter.revoke(ctx(second), { providerKeyId: firstId })).toEqual({ outcome: 'already-revoked' });
    expect(await gitlabAdapter.revoke(ctx(second), { credential: Credential.token(second) })).toEqual({ outcome: 'revoked' });
    expect(gitlab.liveTokens()).toEqual([]);
    expect(first).not.toBe(second);
  });

  it("lists the user's tokens with their state, for reconciliation", async () => {
    const old = gitlab.issueToken();
    const minted = await gitlabAdapter.mint(ctx(old));
    const fresh = minted.credential.reveal();
    if (fresh.kind !== 'token') throw new Error('token expected');
    const keys = await gitlabAdapter.list(ctx(fresh.token));
    expect(keys.map((k) => [k.status, k.providerKeyId === minted.providerKeyId])).toEqual([
      ['revoked', false],
      ['active', true],
    ]);
  });

  it('a second mint with the already-rotated token fails, and GitLab then revokes the new token too', async () => {
    const old = gitlab.issueToken();
    const minted = await gitlabAdapter.mint(ctx(old));
    const fresh = minted.credential.reveal();
    if (fresh.kind !== 'token') throw new Error('token expected');
    await expectProviderError(gitlabAdapter.mint(ctx(old)), 'unauthorised', [old, fresh.token]);
    expect(gitlab.liveTokens()).toEqual([]);
  });

  it('maps a token without the api scope to forbidden, naming the scopes needed', async () => {
    const readOnly = gitlab.issueToken({ scopes: ['read_api'] });
    const error = await expectProviderError(gitlabAdapter.mint(ctx(readOnly)), 'forbidden', [readOnly]);
    expect(error.providerCode).toBe('insufficient_scope');
    expect(error.message).toMatch(/api or self_rotate scope/);
    expect(gitlab.liveTokens()).toEqual([readOnly]);
  });

  it('maps an unknown token to unauthorised, 429 to rate-limited with Retry-After, 500 to provider-failure', async () => {
    const token = gitlab.issueToken();
    await expectProviderError(gitlabAdapter.verify(ctx(token), Credential.token('glpat-unknownunknownunknown')), 'unauthorised', [
      token,
      'glpat-unknownunknownunknown',
    ]);
    gitlab.server.failNext({ kind: 'status', status: 429, headers: { 'retry-after': '42' }, json: { message: 'Retry later' } });
    const limited = await expectProviderError(gitlabAdapter.mint(ctx(token)), 'rate-limited', [token]);
    expect(limited.retryAfterSeconds).toBe(42);
    expect(limited.message).toMatch(/try again in 42 s/);
    gitlab.server.failNext({ kind: 'status', status: 500, json: { message: '500 Internal Server Error' } });
    await expectProviderError(gitlabAdapter.mint(ctx(token)), 'provider-failure', [token]);
    expect(gitlab.liveTokens()).toEqual([token]);
  });

  it('maps a dropped connection, a closed port and a silent server to unreachable, leaving the token as it was', async () => {
    const token = gitlab.issueToken();
    gitlab.server.failNext({ kind: 'reset' });
    const reset = await expectProviderError(gitlabAdapter.mint(ctx(token)), 'unreachable', [token]);
    expect(reset.message).toMatch(/could not be reached while rotating the personal access token: no connection to 127\.0\.0\.1:\d+/);
    gitlab.server.failNext({ kind: 'hang' });
    const silent = await expectProviderError(gitlabAdapter.mint(ctx(token, { timeoutMs: 300 })), 'unreachable', [token]);
    expect(silent.message).toMatch(/: no answer within 300 ms\.$/);
    expect(gitlab.liveTokens()).toEqual([token]);

    const closed = await GitLabStandin.start();
    const closedUrl = closed.url;
    await closed.close();
    await expectProviderError(
      gitlabAdapter.mint(adapterContext(gitlabAdapter, { baseUrl: closedUrl, auth: Credential.token(token) })),
      'unreachable',
      [token],
    );
  });

  it('maps a cancelled call to aborted', async () => {
    const token = gitlab.issueToken();
    const controller = new AbortController();
    gitlab.server.failNext({ kind: 'hang' });
    const call = gitlabAdapter.mint(
      adapterContext(gitlabAdapter, { baseUrl: gitlab.url, auth: Credential.token(token), signal: controller.signal }),
    );
    while (gitlab.server.calls.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await expectProviderError(call, 'aborted', [token]);
  });

  it('refuses a redirect instead of following it with the token', async () => {
    const token = gitlab.issueToken();
    gitlab.server.failNext({ kind: 'status', status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } });
    const error = await expectProviderError(gitlabAdapter.mint(ctx(token)), 'invalid-response', [token]);
    expect(error.message).toMatch(/redirect/);
  });

  it('refuses a plain-http base URL that is not loopback before sending anything', () => {
    expect(() =>
      adapterContext(gitlabAdapter, { baseUrl: 'http://gitlab.example.com', auth: Credential.token('glpat-whatever-whatever') }),
    ).toThrow(/plain http is allowed only for this machine/);
  });
});
