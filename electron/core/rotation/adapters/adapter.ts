import { resolveBaseUrl } from './base-url.js';
import type { Credential, CredentialKind } from './credential.js';

/**
 * One provider's key-management API, as the rotation needs it. An adapter holds no state: every
 * call gets a context saying where the API is, what to authenticate with and when to give up.
 */
export interface AdapterContext {
  /** from resolveBaseUrl: https, or http to loopback only */
  readonly baseUrl: URL;
  /**
   * What the calls authenticate with. For a self-managed key (GitLab, AWS) the key itself: the
   * old one to mint, the new one to revoke the old. For a managed key (SendGrid, OpenAI, ...) the
   * management key. Absent for GitHub's revocation, which takes no login.
   */
  readonly auth?: Credential | undefined;
  readonly signal?: AbortSignal | undefined;
  /** per request; the default is DEFAULT_TIMEOUT_MS */
  readonly timeoutMs?: number | undefined;
  /** provider-specific metadata that is not secret (AWS region, OpenAI project id, key name, ...) */
  readonly settings?: Readonly<Record<string, string>> | undefined;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface MintResult {
  /** every part of the new key: store it at once, before anything else can fail */
  readonly credential: Credential;
  /** the provider's id for the new key, which is not secret (AWS access key id, GitLab token id) */
  readonly providerKeyId: string;
  readonly expiresAt?: Date;
}

export interface VerifyResult {
  /** who the provider says the key belongs to (an ARN, a user name), for the audit: never secret */
  readonly identity: string | null;
  /** the provider's id of the key, where the answer says it (how an existing key's id is learnt) */
  readonly providerKeyId?: string;
}

/** An old key is revoked by the provider's id for it where the API allows, or by its value (GitHub). */
export type RevokeTarget = { readonly providerKeyId: string } | { readonly credential: Credential };

export interface RevokeResult {
  /**
   * 'already-revoked' when the provider no longer knows the key (a resumed rotation may revoke
   * twice); 'submitted' when the provider only accepts the request and revokes on its own time,
   * without saying whether the key existed (GitHub's 202).
   */
  readonly outcome: 'revoked' | 'already-revoked' | 'submitted';
}

export interface ProviderKey {
  readonly providerKeyId: string;
  readonly status: 'active' | 'inactive' | 'revoked' | 'expired';
  readonly name?: string;
  readonly createdAt?: Date;
  readonly expiresAt?: Date;
}

interface AdapterDescription {
  /** the rotation adapter's id */
  readonly id: string;
  /** the ids in core/providers' catalog whose keys this adapter handles */
  readonly providerIds: readonly string[];
  readonly displayName: string;
  /** the published API reference the adapter follows */
  readonly referenceUrl: string;
  readonly defaultBaseUrl: string;
  /** 'self': the key manages itself; 'management': a separate admin key; 'none': no login */
  readonly auth: 'self' | 'management' | 'none';
  readonly credentialKind: CredentialKind;
}

export interface RotatingAdapter extends AdapterDescription {
  readonly kind: 'rotate';
  /**
   * True when minting revokes the old key at once (GitLab's self-rotation): no grace period is
   * possible, and a lost mint response loses the new key, so the caller stores it first thing.
   */
  readonly mintRevokesOld: boolean;
  mint(ctx: AdapterContext): Promise<MintResult>;
  /** one harmless authenticated call made with the new key */
  verify(ctx: AdapterContext, credential: Credential): Promise<VerifyResult>;
  revoke(ctx: AdapterContext, target: RevokeTarget): Promise<RevokeResult>;
  /** the keys the provider holds, to reconcile after a crash (not every API can list) */
  list?(ctx: AdapterContext): Promise<readonly ProviderKey[]>;
}

/** A rotating adapter whose provider can list its keys. */
export type ListingAdapter = RotatingAdapter & { list(ctx: AdapterContext): Promise<readonly ProviderKey[]> };

export interface RevokeOnlyAdapter extends AdapterDescription {
  readonly kind: 'revoke-only';
  revoke(ctx: AdapterContext, target: RevokeTarget): Promise<RevokeResult>;
}

export type RotationAdapter = RotatingAdapter | RevokeOnlyAdapter;

export interface ContextOptions {
  readonly baseUrl?: string | undefined;
  readonly auth?: Credential | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  readonly settings?: Readonly<Record<string, string>> | undefined;
}

/** A context for one adapter, its base URL checked (the adapter's default when none is set). */
export function adapterContext(adapter: RotationAdapter, options: ContextOptions = {}): AdapterContext {
  return {
    baseUrl: resolveBaseUrl(options.baseUrl, adapter.defaultBaseUrl),
    auth: options.auth,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    settings: options.settings,
  };
}

export function requireAuth(ctx: AdapterContext, provider: string): Credential {
  if (ctx.auth === undefined) throw new TypeError(`${provider}: this call needs a credential to authenticate with`);
  return ctx.auth;
}
