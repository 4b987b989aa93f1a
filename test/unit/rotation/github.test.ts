import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRekeyError } from '../../../electron/core/errors.js';
import { adapterContext } from '../../../electron/core/rotation/adapters/adapter.js';
import { Credential } from '../../../electron/core/rotation/adapters/credential.js';
import { githubAdapter } from '../../../electron/core/rotation/adapters/github.js';
import { GitHubStandin } from '../../standins/github.js';
import { expectNoSecretIn, expectProviderError } from './error-checks.js';

let github: GitHubStandin;
beforeEach(async () => {
  github = await GitHubStandin.start();
});
afterEach(async () => {
  await github.close();
});

const ctx = () => adapterContext(githubAdapter, { baseUrl: github.url });

async function userStatus(token: string): Promise<number> {
  return (await fetch(`${github.url}/user`, { headers: { authorization: `Bearer ${token}` } })).status;
}

describe('GitHub revoke-only adapter against the stand-in', () => {
  it('revokes a classic and a fine-grained token without logging in: both then get 401', async () => {
    for (const kind of ['classic', 'fine-grained'] as const) {
      const token = github.issueToken(kind);
      expect(await userStatus(token)).toBe(200);
      expect(await githubAdapter.revoke(ctx(), { credential: Credential.token(token) })).toEqual({ outcome: 'submitted' });
      expect(await userStatus(token)).toBe(401);
      expect(github.isLive(token)).toBe(false);
    }
  });

  it('never sends a value that is not a GitHub token of a revocable kind', async () => {
    const notGitHub = [
      'sk-proj-' + 'a'.repeat(40) + 'T3BlbkFJ' + 'b'.repeat(40),
      'glpat-abcdefghijklmnopqrst',
      `ghs_${'a'.repeat(36)}`,
      'ghp_short',
    ];
    for (const value of notGitHub) {
      let caught: unknown;
      try {
        await githubAdapter.revoke(ctx(), { credential: Credential.token(value) });
      } catch (error) {
        caught = error;
      }
      expect(isRekeyError(caught) && caught.code === 'invalid-input', value).toBe(true);
      expect((caught as Error).message).toMatch(/was not sent/);
      expectNoSecretIn(caught, [value]);
    }
    await expect(githubAdapter.revoke(ctx(), { providerKeyId: '123' })).rejects.toThrow(/by its value, not by an id/);
    expect(github.server.calls).toEqual([]);
  });

  it('maps the hourly limit to rate-limited with the time until the reset', async () => {
    github.revocationLimitPerHour = 1;
    await githubAdapter.revoke(ctx(), { credential: Credential.token(github.issueToken()) });
    const token = github.issueToken();
    const error = await expectProviderError(githubAdapter.revoke(ctx(), { credential: Credential.token(token) }), 'rate-limited', [token]);
    expect(error.status).toBe(403);
    expect(error.retryAfterSeconds).toBeGreaterThan(3500);
    expect(error.message).toMatch(/60 revocation requests an hour/);
    expect(github.isLive(token)).toBe(true);
  });

  it('maps 422, 500 and an unreachable API, and no error quotes the token', async () => {
    const token = github.issueToken();
    const credential = Credential.token(token);
    github.server.failNext({ kind: 'status', status: 422, json: { message: 'Validation Failed', status: '422' } });
    await expectProviderError(githubAdapter.revoke(ctx(), { credential }), 'rejected', [token]);
    github.server.failNext({ kind: 'status', status: 500, json: { message: 'Internal Error', status: '500' } });
    await expectProviderError(githubAdapter.revoke(ctx(), { credential }), 'provider-failure', [token]);
    github.server.failNext({ kind: 'reset' });
    await expectProviderError(githubAdapter.revoke(ctx(), { credential }), 'unreachable', [token]);
    expect(github.isLive(token)).toBe(true);
  });

  it('refuses a plain-http base URL that is not loopback', () => {
    expect(() => adapterContext(githubAdapter, { baseUrl: 'http://api.github.com' })).toThrow(
      /plain http is allowed only for this machine/,
    );
  });
});
