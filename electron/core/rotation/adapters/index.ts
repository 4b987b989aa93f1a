/**
 * The provider adapters of issue 14 (rotation that finishes the job). Core layer: plain Node,
 * global fetch (and the AWS SDK for AWS), no electron import. Importing this module loads the
 * AWS SDK; a caller that cares about start-up time imports the one adapter it needs.
 */
import type { RotationAdapter } from './adapter.js';
import { anthropicAdapter } from './anthropic.js';
import { awsIamAdapter } from './aws-iam.js';
import { cloudflareAdapter } from './cloudflare.js';
import { githubAdapter } from './github.js';
import { gitlabAdapter } from './gitlab.js';
import { openaiAdapter } from './openai.js';
import { sendgridAdapter } from './sendgrid.js';

export type {
  AdapterContext,
  ContextOptions,
  ListingAdapter,
  MintResult,
  ProviderKey,
  RevokeOnlyAdapter,
  RevokeResult,
  RevokeTarget,
  RotatingAdapter,
  RotationAdapter,
  VerifyResult,
} from './adapter.js';
export { DEFAULT_TIMEOUT_MS, adapterContext } from './adapter.js';
export { Credential } from './credential.js';
export type { CredentialKind, CredentialParts } from './credential.js';
export { ProviderApiError, isProviderApiError } from './errors.js';
export type { ProviderErrorKind } from './errors.js';
export { isLoopbackHost, resolveBaseUrl } from './base-url.js';
export { sendgridKeyId } from './sendgrid.js';
export { anthropicAdapter, awsIamAdapter, cloudflareAdapter, githubAdapter, gitlabAdapter, openaiAdapter, sendgridAdapter };

export const ROTATION_ADAPTERS: readonly RotationAdapter[] = [
  gitlabAdapter,
  awsIamAdapter,
  githubAdapter,
  cloudflareAdapter,
  sendgridAdapter,
  openaiAdapter,
  anthropicAdapter,
];

/** The adapter for a key of this catalog provider (core/providers), if there is one. */
export function findRotationAdapter(providerId: string): RotationAdapter | undefined {
  return ROTATION_ADAPTERS.find((adapter) => adapter.providerIds.includes(providerId));
}

export function rotationAdapterById(id: string): RotationAdapter | undefined {
  return ROTATION_ADAPTERS.find((adapter) => adapter.id === id);
}
