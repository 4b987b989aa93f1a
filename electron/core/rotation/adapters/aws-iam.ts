/**
 * AWS IAM user access keys, rotated with the key itself as aws-vault's `rotate` does: the old
 * key creates the new one, the new one is checked, then the new one deactivates and deletes the
 * old one. Both parts (access key id, secret access key) travel as one credential.
 * Reference: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html
 *            https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccessKey.html
 *            https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccessKey.html
 *            https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccessKeys.html
 *            https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 *            https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (2 keys per user)
 * The official SDK signs the requests (SigV4); its endpoint is the adapter's base URL. The STS
 * endpoint is AWS's global one with the default base URL, and the base URL itself otherwise
 * (LocalStack and the test stand-in serve every service on one address), unless
 * settings.stsBaseUrl names one.
 */
import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  IAMClient,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AdapterContext, ListingAdapter, MintResult, ProviderKey, RevokeResult, RevokeTarget, VerifyResult } from './adapter.js';
import { DEFAULT_TIMEOUT_MS, requireAuth } from './adapter.js';
import { resolveBaseUrl } from './base-url.js';
import { Credential } from './credential.js';
import type { ProviderErrorKind } from './errors.js';
import { ProviderApiError, safeProviderCode } from './errors.js';

const PROVIDER = 'AWS';
const DEFAULT_IAM_URL = 'https://iam.amazonaws.com';
const DEFAULT_STS_URL = 'https://sts.amazonaws.com';
/** IAM is a global service signed for us-east-1 in the aws partition. */
const DEFAULT_REGION = 'us-east-1';

interface AwsKeyParts {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

function partsOf(credential: Credential): AwsKeyParts {
  const parts = credential.reveal();
  if (parts.kind !== 'aws-access-key')
    throw new TypeError(`AWS needs an access key id and its secret access key, not a ${parts.kind} credential`);
  return parts;
}

/** What both SDK clients are given: credentials, region and endpoint never come from the environment or ~/.aws. */
interface SdkConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: AwsKeyParts;
  readonly maxAttempts: number;
}

function clientConfig(ctx: AdapterContext, endpoint: URL, credential: Credential): SdkConfig {
  const { accessKeyId, secretAccessKey } = partsOf(credential);
  return {
    endpoint: endpoint.href.replace(/\/$/, ''),
    region: ctx.settings?.['region'] ?? DEFAULT_REGION,
    credentials: { accessKeyId, secretAccessKey },
    // the rotation decides what to retry: a retried CreateAccessKey could mint a second key
    maxAttempts: 1,
  };
}

function stsEndpoint(ctx: AdapterContext): URL {
  const configured = ctx.settings?.['stsBaseUrl'];
  if (configured !== undefined) return resolveBaseUrl(configured, DEFAULT_STS_URL);
  return ctx.baseUrl.href === new URL(DEFAULT_IAM_URL).href ? new URL(DEFAULT_STS_URL) : ctx.baseUrl;
}

const KIND_BY_CODE: Readonly<Record<string, ProviderErrorKind>> = {
  InvalidClientTokenId: 'unauthorised',
  SignatureDoesNotMatch: 'unauthorised',
  ExpiredToken: 'unauthorised',
  IncompleteSignature: 'unauthorised',
  AccessDenied: 'forbidden',
  LimitExceeded: 'limit-reached',
  NoSuchEntity: 'not-found',
  Throttling: 'rate-limited',
  RequestLimitExceeded: 'rate-limited',
  ServiceFailure: 'provider-failure',
};

const HINTS: Partial<Record<ProviderErrorKind, string>> = {
  'limit-reached':
    'AWS allows two access keys per IAM user; delete the one not in use (IAM console, or aws iam list-access-keys) and rotate again',
  forbidden: 'the IAM user needs iam:CreateAccessKey, iam:UpdateAccessKey, iam:DeleteAccessKey and iam:ListAccessKeys on itself',
};

/**
 * The SDK's error carries the request and response; only its code and status are kept. Codes come
 * as the wire code (InvalidClientTokenId) or the modelled exception (LimitExceededException).
 */
function awsError(error: unknown, ctx: AdapterContext, operation: string, secrets: readonly string[]): ProviderApiError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const name = typeof e.name === 'string' ? e.name : '';
  const code = name.replace(/Exception$/, '');
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const base = { provider: PROVIDER, operation };
  if (status === undefined) {
    if (ctx.signal?.aborted === true) return new ProviderApiError({ ...base, kind: 'aborted' });
    // the SDK names a reset connection TimeoutError too; the socket's errno tells them apart
    const errno = typeof e.code === 'string' ? e.code : '';
    const timedOut = errno === 'ETIMEDOUT' || (errno === '' && (name === 'TimeoutError' || name === 'RequestTimeout'));
    return new ProviderApiError({
      ...base,
      kind: 'unreachable',
      hint: timedOut ? 'no answer in time' : `no connection to ${ctx.baseUrl.host} (offline, wrong API base URL, or the service is down)`,
    });
  }
  const kind: ProviderErrorKind =
    KIND_BY_CODE[code] ??
    (status >= 500 ? 'provider-failure' : status === 429 ? 'rate-limited' : status === 404 ? 'not-found' : 'rejected');
  return new ProviderApiError({ ...base, kind, status, providerCode: safeProviderCode(code, secrets), hint: HINTS[kind] });
}

/**
 * One SDK call under the context's signal and a timeout of our own (the SDK's socket timeouts do
 * not cover a server that accepts the request and never answers).
 */
async function call<T>(
  ctx: AdapterContext,
  operation: string,
  secrets: readonly string[],
  run: (options: { abortSignal: AbortSignal }) => Promise<T>,
): Promise<T> {
  const timeoutMs = ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const abortSignal = ctx.signal === undefined ? timeout : AbortSignal.any([ctx.signal, timeout]);
  try {
    return await run({ abortSignal });
  } catch (error) {
    if (timeout.aborted && ctx.signal?.aborted !== true) {
      throw new ProviderApiError({
        provider: PROVIDER,
        operation,
        kind: 'unreachable',
        hint: `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`,
      });
    }
    throw awsError(error, ctx, operation, secrets);
  }
}

export interface AwsIamAdapterOptions {
  /** IAM is eventually consistent: a new key may be refused for a few seconds after it is created */
  readonly propagationTimeoutMs?: number;
  readonly pollIntervalMs?: number;
}

export function createAwsIamAdapter(options: AwsIamAdapterOptions = {}): ListingAdapter {
  const propagationTimeoutMs = options.propagationTimeoutMs ?? 20_000;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;

  async function mint(ctx: AdapterContext): Promise<MintResult> {
    const auth = requireAuth(ctx, PROVIDER);
    const client = new IAMClient(clientConfig(ctx, ctx.baseUrl, auth));
    try {
      const operation = 'creating the new access key';
      // no UserName: IAM creates the key for the user whose key signs the request
      const output = await call(ctx, operation, auth.secretValues(), (options) => client.send(new CreateAccessKeyCommand({}), options));
      const key = output.AccessKey;
      if (key?.AccessKeyId === undefined || key.SecretAccessKey === undefined) {
        throw new ProviderApiError({
          provider: PROVIDER,
          operation,
          kind: 'invalid-response',
          hint: 'expected an access key id and secret',
        });
      }
      return { credential: Credential.awsAccessKey(key.AccessKeyId, key.SecretAccessKey), providerKeyId: key.AccessKeyId };
    } finally {
      client.destroy();
    }
  }

  async function verify(ctx: AdapterContext, credential: Credential): Promise<VerifyResult> {
    const client = new STSClient(clientConfig(ctx, stsEndpoint(ctx), credential));
    const deadline = Date.now() + propagationTimeoutMs;
    try {
      for (;;) {
        try {
          const output = await call(ctx, 'verifying the new access key', credential.secretValues(), (options) =>
            client.send(new GetCallerIdentityCommand({}), options),
          );
          const { accessKeyId } = partsOf(credential);
          return { identity: output.Arn ?? null, providerKeyId: accessKeyId };
        } catch (error) {
          const stillPropagating =
            error instanceof ProviderApiError && error.kind === 'unauthorised' && Date.now() + pollIntervalMs <= deadline;
          if (!stillPropagating) throw error;
          await delay(pollIntervalMs, ctx.signal);
        }
      }
    } finally {
      client.destroy();
    }
  }

  async function revoke(ctx: AdapterContext, target: RevokeTarget): Promise<RevokeResult> {
    const auth = requireAuth(ctx, PROVIDER);
    const accessKeyId = 'providerKeyId' in target ? target.providerKeyId : partsOf(target.credential).accessKeyId;
    const secrets = [...auth.secretValues(), ...('credential' in target ? target.credential.secretValues() : [])];
    const client = new IAMClient(clientConfig(ctx, ctx.baseUrl, auth));
    try {
      // Deactivated first, so the old key is dead even if the delete fails; a key revoking
      // itself skips that step, which would leave it unable to sign the delete.
      if (accessKeyId !== partsOf(auth).accessKeyId) {
        try {
          await call(ctx, 'deactivating the old access key', secrets, (options) =>
            client.send(new UpdateAccessKeyCommand({ AccessKeyId: accessKeyId, Status: 'Inactive' }), options),
          );
        } catch (error) {
          if (error instanceof ProviderApiError && error.kind === 'not-found') return { outcome: 'already-revoked' };
          throw error;
        }
      }
      try {
        await call(ctx, 'deleting the old access key', secrets, (options) =>
          client.send(new DeleteAccessKeyCommand({ AccessKeyId: accessKeyId }), options),
        );
      } catch (error) {
        if (error instanceof ProviderApiError && error.kind === 'not-found') return { outcome: 'already-revoked' };
        throw error;
      }
      return { outcome: 'revoked' };
    } finally {
      client.destroy();
    }
  }

  async function list(ctx: AdapterContext): Promise<readonly ProviderKey[]> {
    const auth = requireAuth(ctx, PROVIDER);
    const client = new IAMClient(clientConfig(ctx, ctx.baseUrl, auth));
    try {
      const output = await call(ctx, 'listing the access keys', auth.secretValues(), (options) =>
        client.send(new ListAccessKeysCommand({}), options),
      );
      return (output.AccessKeyMetadata ?? []).flatMap((key): ProviderKey[] =>
        key.AccessKeyId === undefined
          ? []
          : [
              {
                providerKeyId: key.AccessKeyId,
                status: key.Status === 'Active' ? 'active' : key.Status === 'Expired' ? 'expired' : 'inactive',
                ...(key.CreateDate === undefined ? {} : { createdAt: key.CreateDate }),
              },
            ],
      );
    } finally {
      client.destroy();
    }
  }

  return {
    kind: 'rotate',
    id: 'aws-iam',
    providerIds: ['aws-access-key-id'],
    displayName: 'AWS IAM',
    referenceUrl: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html',
    defaultBaseUrl: DEFAULT_IAM_URL,
    auth: 'self',
    credentialKind: 'aws-access-key',
    mintRevokesOld: false,
    mint,
    verify,
    revoke,
    list,
  };
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new ProviderApiError({ provider: PROVIDER, operation: 'verifying the new access key', kind: 'aborted' }));
      },
      { once: true },
    );
  });
}

export const awsIamAdapter = createAwsIamAdapter();
