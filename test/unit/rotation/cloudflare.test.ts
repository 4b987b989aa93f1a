import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterContext } from '../../../electron/core/rotation/adapters/adapter.js';
import { cloudflareAdapter } from '../../../electron/core/rotation/adapters/cloudflare.js';
import { Credential } from '../../../electron/core/rotation/adapters/credential.js';
import { CloudflareStandin } from '../../standins/cloudflare.js';
import { expectProviderError } from './error-checks.js';

let cloudflare: CloudflareStandin;
let manager: { id: string; value: string };
beforeEach(async () => {
  cloudflare = await CloudflareStandin.start();
  manager = cloudflare.issueToken('token manager', { canManageTokens: true });
});
afterEach(async () => {
  await cloudflare.close();
});

function ctx(auth: string, settings: Record<string, string> = {}) {
  return adapterContext(cloudflareAdapter, { baseUrl: cloudflare.baseUrl, auth: Credential.token(auth), settings });
}

describe('Cloudflare adapter against the stand-in', () => {
  it('learns the token id from verify, rolls it with the management token: the old value gets 401, the new one works', async () => {
    const dns = cloudflare.issueToken('dns edit');
    const { providerKeyId } = await cloudflareAdapter.verify(ctx(dns.value), Credential.token(dns.value));
    expect(providerKeyId).toBe(dns.id);

    const minted = await cloudflareAdapter.mint(ctx(manager.value, { tokenId: dns.id }));
    const fresh = minted.credential.reveal();
    if (fresh.kind !== 'token') throw new Error('token expected');
    expect(minted.providerKeyId).toBe(dns.id);
    expect(cloudflareAdapter.mintRevokesOld).toBe(true);
    expect(cloudflare.works(dns.value)).toBe(false);
    expect(await cloudflareAdapter.verify(ctx(fresh.token), minted.credential)).toEqual({
      identity: `token ${dns.id}`,
      providerKeyId: dns.id,
    });
    const old = await expectProviderError(cloudflareAdapter.verify(ctx(dns.value), Credential.token(dns.value)), 'unauthorised', [
      dns.value,
      fresh.token,
      manager.value,
    ]);
    expect(old.providerCode).toBe('1000');
    expect(await cloudflareAdapter.revoke(ctx(manager.value), { credential: Credential.token(dns.value) })).toEqual({
      outcome: 'already-revoked',
    });
    expect(cloudflare.works(fresh.token)).toBe(true);
  });

  it('revokes (deletes) a token by value or id, and lists the tokens', async () => {
    const a = cloudflare.issueToken('a');
    const b = cloudflare.issueToken('b');
    expect((await cloudflareAdapter.list(ctx(manager.value))).map((k) => [k.name, k.status])).toEqual([
      ['token manager', 'active'],
      ['a', 'active'],
      ['b', 'active'],
    ]);
    expect(await cloudflareAdapter.revoke(ctx(manager.value), { credential: Credential.token(a.value) })).toEqual({ outcome: 'revoked' });
    expect(await cloudflareAdapter.revoke(ctx(manager.value), { providerKeyId: b.id })).toEqual({ outcome: 'revoked' });
    expect(await cloudflareAdapter.revoke(ctx(manager.value), { providerKeyId: b.id })).toEqual({ outcome: 'already-revoked' });
    expect(cloudflare.tokenIds()).toEqual([manager.id]);
  });

  it('a token without "API Tokens Write" cannot roll: forbidden, naming the permission', async () => {
    const dns = cloudflare.issueToken('dns edit');
    const error = await expectProviderError(cloudflareAdapter.mint(ctx(dns.value, { tokenId: dns.id })), 'forbidden', [dns.value]);
    expect(error.providerCode).toBe('9109');
    expect(error.message).toMatch(/API Tokens Write/);
    expect(cloudflare.works(dns.value)).toBe(true);
  });

  it('refuses a missing or malformed token id before calling, and maps 429 and outages', async () => {
    await expect(cloudflareAdapter.mint(ctx(manager.value))).rejects.toThrow(/settings.tokenId/);
    await expect(cloudflareAdapter.mint(ctx(manager.value, { tokenId: '../../accounts' }))).rejects.toThrow(/settings.tokenId/);
    expect(cloudflare.server.calls).toEqual([]);
    const dns = cloudflare.issueToken('dns');
    cloudflare.server.failNext({
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '300' },
      json: { success: false, errors: [{ code: 10000, message: 'Rate limited' }] },
    });
    const limited = await expectProviderError(cloudflareAdapter.mint(ctx(manager.value, { tokenId: dns.id })), 'rate-limited', [
      manager.value,
    ]);
    expect(limited.retryAfterSeconds).toBe(300);
    cloudflare.server.failNext({ kind: 'reset' });
    await expectProviderError(cloudflareAdapter.mint(ctx(manager.value, { tokenId: dns.id })), 'unreachable', [manager.value]);
    expect(cloudflare.works(dns.value)).toBe(true);
  });
});
