import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterContext } from '../../../electron/core/rotation/adapters/adapter.js';
import { awsIamAdapter, createAwsIamAdapter } from '../../../electron/core/rotation/adapters/aws-iam.js';
import { Credential } from '../../../electron/core/rotation/adapters/credential.js';
import { AwsStandin } from '../../standins/aws.js';
import { expectProviderError } from './error-checks.js';

let aws: AwsStandin;
beforeEach(async () => {
  aws = await AwsStandin.start();
});
afterEach(async () => {
  await aws.close();
});

function ctx(credential: Credential, extra: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  return adapterContext(awsIamAdapter, { baseUrl: aws.url, auth: credential, ...extra });
}

function keyOf(parts: { accessKeyId: string; secretAccessKey: string }): Credential {
  return Credential.awsAccessKey(parts.accessKeyId, parts.secretAccessKey);
}

function partsOf(credential: Credential): { accessKeyId: string; secretAccessKey: string } {
  const parts = credential.reveal();
  if (parts.kind !== 'aws-access-key') throw new Error('expected an AWS access key');
  return parts;
}

describe('AWS IAM adapter (the official SDK) against the stand-in', () => {
  it('mints with the old key, verifies the new one, revokes the old one with the new: the old key is then refused', async () => {
    const oldParts = aws.createUser('alice');
    const old = keyOf(oldParts);
    const minted = await awsIamAdapter.mint(ctx(old));
    const fresh = partsOf(minted.credential);
    expect(minted.providerKeyId).toBe(fresh.accessKeyId);
    expect(fresh.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(fresh.secretAccessKey).toHaveLength(40);
    expect(aws.keysOf('alice')).toEqual([
      { id: oldParts.accessKeyId, status: 'Active' },
      { id: fresh.accessKeyId, status: 'Active' },
    ]);

    expect(await awsIamAdapter.verify(ctx(minted.credential), minted.credential)).toEqual({
      identity: 'arn:aws:iam::123456789012:user/alice',
      providerKeyId: fresh.accessKeyId,
    });
    expect(await awsIamAdapter.revoke(ctx(minted.credential), { providerKeyId: oldParts.accessKeyId })).toEqual({ outcome: 'revoked' });
    expect(aws.keysOf('alice')).toEqual([{ id: fresh.accessKeyId, status: 'Active' }]);

    const noWait = createAwsIamAdapter({ propagationTimeoutMs: 0 });
    const refused = await expectProviderError(noWait.verify(ctx(old), old), 'unauthorised', [
      oldParts.secretAccessKey,
      fresh.secretAccessKey,
    ]);
    expect(refused.status).toBe(403);
    expect(refused.providerCode).toBe('InvalidClientTokenId');
    expect(await awsIamAdapter.revoke(ctx(minted.credential), { providerKeyId: oldParts.accessKeyId })).toEqual({
      outcome: 'already-revoked',
    });
  });

  it('needs both parts: the right id with a wrong secret is refused (SignatureDoesNotMatch)', async () => {
    const parts = aws.createUser('bob');
    const forged = Credential.awsAccessKey(parts.accessKeyId, 'x'.repeat(40));
    const error = await expectProviderError(awsIamAdapter.mint(ctx(forged)), 'unauthorised', [parts.secretAccessKey, 'x'.repeat(40)]);
    expect(error.providerCode).toBe('SignatureDoesNotMatch');
    expect(aws.keysOf('bob')).toHaveLength(1);
  });

  it('enforces two keys per user: a third mint is limit-reached, with what to do', async () => {
    const old = keyOf(aws.createUser('carol'));
    await awsIamAdapter.mint(ctx(old));
    const error = await expectProviderError(awsIamAdapter.mint(ctx(old)), 'limit-reached', old.secretValues());
    expect(error.status).toBe(409);
    expect(error.providerCode).toBe('LimitExceeded');
    expect(error.message).toMatch(/two access keys per IAM user/);
    expect(aws.keysOf('carol')).toHaveLength(2);
  });

  it("lists the user's keys with their status, for reconciliation", async () => {
    const old = keyOf(aws.createUser('dave'));
    const minted = await awsIamAdapter.mint(ctx(old));
    const keys = await awsIamAdapter.list(ctx(minted.credential));
    expect(keys.map((k) => [k.providerKeyId, k.status])).toEqual([
      [partsOf(old).accessKeyId, 'active'],
      [minted.providerKeyId, 'active'],
    ]);
  });

  it('a key revoking itself is deleted without being deactivated first', async () => {
    const parts = aws.createUser('erin');
    const key = keyOf(parts);
    expect(await awsIamAdapter.revoke(ctx(key), { credential: key })).toEqual({ outcome: 'revoked' });
    expect(aws.keysOf('erin')).toEqual([]);
  });

  it('waits for a new key to propagate, and gives up with unauthorised when it never works', async () => {
    const old = keyOf(aws.createUser('frank'));
    const adapter = createAwsIamAdapter({ propagationTimeoutMs: 3_000, pollIntervalMs: 100 });
    aws.newKeysWorkAfterMs = 400;
    const minted = await adapter.mint(ctx(old));
    expect((await adapter.verify(ctx(minted.credential), minted.credential)).identity).toBe('arn:aws:iam::123456789012:user/frank');

    aws.newKeysWorkAfterMs = 60_000;
    const impatient = createAwsIamAdapter({ propagationTimeoutMs: 300, pollIntervalMs: 100 });
    await expectProviderError(impatient.verify(ctx(old), minted.credential), 'unauthorised', [
      ...old.secretValues(),
      ...minted.credential.secretValues(),
    ]);
  });

  it('maps 500, a dropped connection, a silent server and a cancelled call, and never retries a mint by itself', async () => {
    const old = keyOf(aws.createUser('gina'));
    const secrets = old.secretValues();
    aws.server.failNext({ kind: 'status', status: 500, json: null });
    await expectProviderError(awsIamAdapter.mint(ctx(old)), 'provider-failure', secrets);
    aws.server.failNext({ kind: 'reset' });
    const unreachable = await expectProviderError(awsIamAdapter.mint(ctx(old)), 'unreachable', secrets);
    expect(unreachable.message).toMatch(/no connection to 127\.0\.0\.1:\d+/);
    aws.server.failNext({ kind: 'hang' });
    const silent = await expectProviderError(awsIamAdapter.mint(ctx(old, { timeoutMs: 300 })), 'unreachable', secrets);
    expect(silent.message).toMatch(/: no answer within 300 ms\.$/);
    aws.server.failNext({ kind: 'hang' });
    const controller = new AbortController();
    const call = awsIamAdapter.mint(ctx(old, { signal: controller.signal }));
    // cancelled while the stand-in holds the request, not before the SDK has sent it
    while (aws.server.calls.length < 4) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await expectProviderError(call, 'aborted', secrets);
    expect(aws.keysOf('gina')).toHaveLength(1);
    expect(aws.server.calls.filter((c) => c === 'POST /')).toHaveLength(4);
  });

  it('refuses a plain-http endpoint that is not loopback', () => {
    expect(() => adapterContext(awsIamAdapter, { baseUrl: 'http://iam.amazonaws.com' })).toThrow(
      /plain http is allowed only for this machine/,
    );
  });
});
