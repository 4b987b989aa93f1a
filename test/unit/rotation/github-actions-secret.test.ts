import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isRekeyError } from '../../../electron/core/errors.js';
import { PYTHON } from '../../property/support/readers.js';
import { actionsSecretPaths, checkSecretName, sealActionsSecret } from '../../../electron/core/rotation/targets/github-actions-secret.js';

/**
 * The sealed value is opened by an independent implementation: Debian's python3-nacl (PyNaCl over
 * the system libsodium), as GitHub would open it with the repository's private key.
 */
function python(script: string, input: string): string {
  return execFileSync(PYTHON, ['-c', script], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

const NEW_KEYPAIR = `
import base64, nacl.public
k = nacl.public.PrivateKey.generate()
print(base64.b64encode(bytes(k)).decode(), base64.b64encode(bytes(k.public_key)).decode())
`;

const OPEN_SEALED_BOX = `
import base64, json, sys, nacl.public
request = json.load(sys.stdin)
box = nacl.public.SealedBox(nacl.public.PrivateKey(base64.b64decode(request["private"])))
sys.stdout.write(box.decrypt(base64.b64decode(request["sealed"])).decode("utf-8"))
`;

function keypair(): { privateKey: string; publicKey: string } {
  const [privateKey = '', publicKey = ''] = python(NEW_KEYPAIR, '').trim().split(' ');
  return { privateKey, publicKey };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(isRekeyError(error) && error.code === 'invalid-input').toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('sealing a GitHub Actions secret', () => {
  it('produces a PUT body that python3-nacl opens with the private key, for ASCII and non-ASCII values', async () => {
    const { privateKey, publicKey } = keypair();
    for (const value of ['glpat-Abc_def-0123456789xyz', 'päss wörd ✓ "quoted" \\ and\nnewline']) {
      const body = await sealActionsSecret(value, { key_id: '568250167242549743', key: publicKey });
      expect(Object.keys(body).sort()).toEqual(['encrypted_value', 'key_id']);
      expect(body.key_id).toBe('568250167242549743');
      expect(body.encrypted_value).not.toContain(value);
      // a sealed box is the ephemeral public key (32) + MAC (16) + the message
      expect(Buffer.from(body.encrypted_value, 'base64').length).toBe(48 + Buffer.byteLength(value));
      expect(python(OPEN_SEALED_BOX, JSON.stringify({ private: privateKey, sealed: body.encrypted_value }))).toBe(value);
    }
  });

  it('seals anew each time (a fresh ephemeral key), and the wrong private key cannot open it', async () => {
    const right = keypair();
    const wrong = keypair();
    const a = await sealActionsSecret('same value', { key_id: '1', key: right.publicKey });
    const b = await sealActionsSecret('same value', { key_id: '1', key: right.publicKey });
    expect(a.encrypted_value).not.toBe(b.encrypted_value);
    expect(() => python(OPEN_SEALED_BOX, JSON.stringify({ private: wrong.privateKey, sealed: a.encrypted_value }))).toThrow();
  });

  it('refuses a public key that is not 32 bytes of base64, and a value over 48 KB', async () => {
    await expect(sealActionsSecret('v', { key_id: '1', key: Buffer.alloc(31).toString('base64') })).rejects.toThrow(
      /31 bytes, expected 32/,
    );
    await expect(sealActionsSecret('v', { key_id: '1', key: '***' })).rejects.toThrow(/not valid base64/);
    await expect(sealActionsSecret('v', { key_id: '', key: keypair().publicKey })).rejects.toThrow(/no key_id/);
    await expect(sealActionsSecret('x'.repeat(48 * 1024 + 1), { key_id: '1', key: keypair().publicKey })).rejects.toThrow(/at most 49152/);
  });
});

describe('GitHub Actions secret names and paths', () => {
  it('builds the repository and environment paths', () => {
    expect(actionsSecretPaths({ owner: 'octo-org', repo: 'hello.world', name: 'GITLAB_TOKEN' })).toEqual({
      publicKey: '/repos/octo-org/hello.world/actions/public-key',
      secret: '/repos/octo-org/hello.world/actions/secrets/GITLAB_TOKEN',
    });
    expect(actionsSecretPaths({ owner: 'o', repo: 'r', environment: 'prod eu', name: 'AWS_SECRET_ACCESS_KEY' })).toEqual({
      publicKey: '/repos/o/r/environments/prod%20eu/secrets/public-key',
      secret: '/repos/o/r/environments/prod%20eu/secrets/AWS_SECRET_ACCESS_KEY',
    });
  });

  it('refuses names GitHub refuses, and owners or repositories that would change the path', () => {
    expect(refusal(() => checkSecretName('1TOKEN'))).toMatch(/not starting with a digit/);
    expect(refusal(() => checkSecretName('MY-TOKEN'))).toMatch(/letters, digits and _/);
    expect(refusal(() => checkSecretName('github_token'))).toMatch(/reserved/);
    expect(refusal(() => actionsSecretPaths({ owner: '..', repo: 'r', name: 'A' }))).toMatch(/owner/);
    expect(refusal(() => actionsSecretPaths({ owner: 'o', repo: 'r/../../x', name: 'A' }))).toMatch(/repository/);
  });
});
