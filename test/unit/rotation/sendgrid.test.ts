import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterContext } from '../../../electron/core/rotation/adapters/adapter.js';
import { Credential } from '../../../electron/core/rotation/adapters/credential.js';
import { sendgridAdapter, sendgridKeyId } from '../../../electron/core/rotation/adapters/sendgrid.js';
import { SendGridStandin } from '../../standins/sendgrid.js';
import { expectProviderError } from './error-checks.js';

let sendgrid: SendGridStandin;
let manager: { id: string; value: string };
beforeEach(async () => {
  sendgrid = await SendGridStandin.start();
  manager = sendgrid.issueManagementKey();
});
afterEach(async () => {
  await sendgrid.close();
});

function ctx(settings: Record<string, string> = {}, auth = manager.value) {
  return adapterContext(sendgridAdapter, { baseUrl: sendgrid.url, auth: Credential.token(auth), settings });
}

describe('SendGrid adapter against the stand-in', () => {
  it("mints a key with the old key's scopes, verifies it, deletes the old one: the old key then gets 401", async () => {
    const old = sendgrid.issueKey('mailer', ['mail.send']);
    expect(sendgridKeyId(Credential.token(old.value))).toBe(old.id);
    const minted = await sendgridAdapter.mint(ctx({ replacesKeyId: old.id }));
    const fresh = minted.credential.reveal();
    if (fresh.kind !== 'token') throw new Error('token expected');
    expect(fresh.token).toMatch(/^SG\./);
    expect(sendgrid.scopesOf(minted.providerKeyId)).toEqual(['mail.send']);
    expect(await sendgridAdapter.verify(ctx({}, fresh.token), minted.credential)).toEqual({
      identity: `API key ${minted.providerKeyId}`,
      providerKeyId: minted.providerKeyId,
    });
    expect(sendgrid.works(old.value)).toBe(true);

    expect(await sendgridAdapter.revoke(ctx(), { providerKeyId: old.id })).toEqual({ outcome: 'revoked' });
    const refused = await expectProviderError(sendgridAdapter.verify(ctx({}, old.value), Credential.token(old.value)), 'unauthorised', [
      old.value,
      fresh.token,
      manager.value,
    ]);
    expect(refused.status).toBe(401);
    expect(await sendgridAdapter.revoke(ctx(), { credential: Credential.token(old.value) })).toEqual({ outcome: 'already-revoked' });
    expect((await sendgridAdapter.list(ctx())).map((k) => k.providerKeyId).sort()).toEqual([manager.id, minted.providerKeyId].sort());
  });

  it('maps the 100-key limit to limit-reached, and a key without the API Keys permission to forbidden', async () => {
    const old = sendgrid.issueKey('mailer', ['mail.send']);
    sendgrid.maxKeys = 2;
    const limit = await expectProviderError(sendgridAdapter.mint(ctx({ replacesKeyId: old.id })), 'limit-reached', [manager.value]);
    expect(limit.message).toMatch(/100 API keys per account/);
    const denied = await expectProviderError(sendgridAdapter.mint(ctx({ replacesKeyId: old.id }, old.value)), 'forbidden', [old.value]);
    expect(denied.message).toMatch(/"API Keys" permission/);
  });

  it('refuses to mint without knowing which key it replaces, and reports an unknown one as not-found', async () => {
    await expect(sendgridAdapter.mint(ctx())).rejects.toThrow(/settings.replacesKeyId/);
    expect(sendgrid.server.calls).toEqual([]);
    await expectProviderError(sendgridAdapter.mint(ctx({ replacesKeyId: 'nosuchkeyid' })), 'not-found', [manager.value]);
  });

  it('takes the EU base URL, and refuses plain http elsewhere', () => {
    expect(adapterContext(sendgridAdapter, { baseUrl: 'https://api.eu.sendgrid.com' }).baseUrl.host).toBe('api.eu.sendgrid.com');
    expect(() => adapterContext(sendgridAdapter, { baseUrl: 'http://api.eu.sendgrid.com' })).toThrow(/plain http/);
  });
});
