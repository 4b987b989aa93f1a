import { describe, expect, it } from 'vitest';
import type { RotatingAdapter } from '../../../electron/core/rotation/adapters/adapter.js';
import { adapterContext } from '../../../electron/core/rotation/adapters/adapter.js';
import { createAwsIamAdapter } from '../../../electron/core/rotation/adapters/aws-iam.js';
import { cloudflareAdapter } from '../../../electron/core/rotation/adapters/cloudflare.js';
import { Credential } from '../../../electron/core/rotation/adapters/credential.js';
import { gitlabAdapter } from '../../../electron/core/rotation/adapters/gitlab.js';
import { ROTATION_ADAPTERS } from '../../../electron/core/rotation/adapters/index.js';
import { openaiAdapter } from '../../../electron/core/rotation/adapters/openai.js';
import { sendgridAdapter } from '../../../electron/core/rotation/adapters/sendgrid.js';
import { AwsStandin } from '../../standins/aws.js';
import { CloudflareStandin } from '../../standins/cloudflare.js';
import { GitLabStandin } from '../../standins/gitlab.js';
import { OpenAiStandin } from '../../standins/openai.js';
import { SendGridStandin } from '../../standins/sendgrid.js';
import { expectProviderError } from './error-checks.js';

/**
 * What the rotation plan (a later step of issue 14) will rely on, checked the same way for every
 * rotating adapter against its stand-in: the new key works once minted; where the provider keeps
 * the old key alive, it still works until revoked (a grace period is possible); once revoked the
 * old key is refused as unauthorised; revoking again is harmless; the new key survives it all;
 * and no error carries a key.
 */
interface Scene {
  readonly baseUrl: string;
  /** the key being rotated and the provider's id for it */
  readonly old: Credential;
  readonly oldId: string;
  /** what mint and revoke authenticate with (the key itself, or a management key) */
  readonly mintAuth: Credential;
  revokeAuth(fresh: Credential): Credential;
  readonly settings: Record<string, string>;
  /** every secret of the scene, for the no-leak check */
  readonly secrets: readonly string[];
  close(): Promise<void>;
}

interface Fixture {
  readonly adapter: RotatingAdapter;
  readonly setUp: () => Promise<Scene>;
}

const FIXTURES: readonly Fixture[] = [
  {
    adapter: gitlabAdapter,
    async setUp() {
      const gitlab = await GitLabStandin.start();
      const token = gitlab.issueToken();
      const old = Credential.token(token);
      const id = (await gitlabAdapter.verify(adapterContext(gitlabAdapter, { baseUrl: gitlab.url }), old)).providerKeyId ?? '';
      return {
        baseUrl: gitlab.url,
        old,
        oldId: id,
        mintAuth: old,
        revokeAuth: (fresh) => fresh,
        settings: {},
        secrets: [token],
        close: () => gitlab.close(),
      };
    },
  },
  {
    // no propagation wait: the stand-in's keys work at once, and a refused old key must fail fast
    adapter: createAwsIamAdapter({ propagationTimeoutMs: 0 }),
    async setUp() {
      const aws = await AwsStandin.start();
      const parts = aws.createUser('contract');
      const old = Credential.awsAccessKey(parts.accessKeyId, parts.secretAccessKey);
      return {
        baseUrl: aws.url,
        old,
        oldId: parts.accessKeyId,
        mintAuth: old,
        revokeAuth: (fresh) => fresh,
        settings: {},
        secrets: [parts.secretAccessKey],
        close: () => aws.close(),
      };
    },
  },
  {
    adapter: cloudflareAdapter,
    async setUp() {
      const cloudflare = await CloudflareStandin.start();
      const manager = cloudflare.issueToken('manager', { canManageTokens: true });
      const token = cloudflare.issueToken('app');
      const mintAuth = Credential.token(manager.value);
      return {
        baseUrl: cloudflare.baseUrl,
        old: Credential.token(token.value),
        oldId: token.id,
        mintAuth,
        revokeAuth: () => mintAuth,
        settings: { tokenId: token.id },
        secrets: [manager.value, token.value],
        close: () => cloudflare.close(),
      };
    },
  },
  {
    adapter: sendgridAdapter,
    async setUp() {
      const sendgrid = await SendGridStandin.start();
      const manager = sendgrid.issueManagementKey();
      const key = sendgrid.issueKey('app', ['mail.send']);
      const mintAuth = Credential.token(manager.value);
      return {
        baseUrl: sendgrid.url,
        old: Credential.token(key.value),
        oldId: key.id,
        mintAuth,
        revokeAuth: () => mintAuth,
        settings: { replacesKeyId: key.id },
        secrets: [manager.value, key.value],
        close: () => sendgrid.close(),
      };
    },
  },
  {
    adapter: openaiAdapter,
    async setUp() {
      const openai = await OpenAiStandin.start();
      const admin = openai.issueAdminKey();
      const account = openai.createServiceAccount('proj_contract', 'app');
      const mintAuth = Credential.token(admin);
      return {
        baseUrl: openai.url,
        old: Credential.token(account.key),
        oldId: account.id,
        mintAuth,
        revokeAuth: () => mintAuth,
        settings: { projectId: 'proj_contract', serviceAccountName: 'app' },
        secrets: [admin, account.key],
        close: () => openai.close(),
      };
    },
  },
];

describe('every rotating adapter keeps the rotation contract', () => {
  it('has a fixture for each rotating adapter', () => {
    const rotating = ROTATION_ADAPTERS.filter((a) => a.kind === 'rotate').map((a) => a.id);
    expect(FIXTURES.map((f) => f.adapter.id).sort()).toEqual([...rotating].sort());
  });

  for (const { adapter, setUp } of FIXTURES) {
    it(`${adapter.displayName}: mint, verify, (grace), revoke, old refused, revoke again harmless`, async () => {
      const scene = await setUp();
      try {
        const ctx = (auth: Credential) => adapterContext(adapter, { baseUrl: scene.baseUrl, auth, settings: scene.settings });
        const minted = await adapter.mint(ctx(scene.mintAuth));
        const fresh = minted.credential;
        expect(fresh.kind).toBe(scene.old.kind);
        const secrets = [...scene.secrets, ...scene.old.secretValues(), ...fresh.secretValues()];
        await adapter.verify(ctx(fresh), fresh);

        if (adapter.mintRevokesOld) {
          await expectProviderError(adapter.verify(ctx(scene.old), scene.old), 'unauthorised', secrets);
          expect(await adapter.revoke(ctx(scene.revokeAuth(fresh)), { credential: scene.old })).toEqual({ outcome: 'already-revoked' });
        } else {
          await adapter.verify(ctx(scene.old), scene.old);
          expect(await adapter.revoke(ctx(scene.revokeAuth(fresh)), { providerKeyId: scene.oldId })).toEqual({ outcome: 'revoked' });
          await expectProviderError(adapter.verify(ctx(scene.old), scene.old), 'unauthorised', secrets);
          expect(await adapter.revoke(ctx(scene.revokeAuth(fresh)), { providerKeyId: scene.oldId })).toEqual({
            outcome: 'already-revoked',
          });
        }
        await adapter.verify(ctx(fresh), fresh);
        if (adapter.list !== undefined) {
          const ids = (await adapter.list(ctx(scene.revokeAuth(fresh)))).filter((k) => k.status === 'active').map((k) => k.providerKeyId);
          expect(ids).toContain(minted.providerKeyId);
          if (!adapter.mintRevokesOld) expect(ids).not.toContain(scene.oldId);
        }
      } finally {
        await scene.close();
      }
    });
  }
});
