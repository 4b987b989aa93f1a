/**
 * GitHub: revoke only. Any GitHub token found exposed can be revoked without logging in.
 * Reference: https://docs.github.com/en/rest/credentials/revoke?apiVersion=2022-11-28
 *   POST /credentials/revoke {"credentials": [...]} -> 202 Accepted; 422 validation failed or
 *   spammed; unauthenticated only (an authenticated request gets 403); 60 requests an hour.
 *   Accepted: ghp_ (classic), github_pat_ (fine-grained), gho_, ghu_, ghr_. The owner is notified.
 * GitHub Enterprise Server: the base URL is https://HOST/api/v3.
 * GitHub offers no API to mint a personal access token, so there is no rotation here.
 */
import { RekeyError } from '../../errors.js';
import { detectProvider } from '../../providers/index.js';
import type { AdapterContext, RevokeOnlyAdapter, RevokeResult, RevokeTarget } from './adapter.js';
import { tokenOf } from './credential.js';
import { ProviderApiError, parseRetryAfter } from './errors.js';
import type { CallSite, HttpResponse } from './http.js';
import { errorFromResponse, send } from './http.js';

const PROVIDER = 'GitHub';
const REVOCABLE_PREFIXES = ['ghp_', 'github_pat_', 'gho_', 'ghu_', 'ghr_'] as const;
const GITHUB_PROVIDER_IDS = ['github-classic', 'github-fine-grained'];

/**
 * The value is sent to GitHub only if it is a GitHub token of a kind the endpoint accepts: a
 * key of another provider must never leave the machine because of a wrong click.
 */
function revocableToken(target: RevokeTarget): string {
  if (!('credential' in target)) {
    throw new RekeyError('invalid-input', 'GitHub revokes a token by its value, not by an id.');
  }
  const token = tokenOf(target.credential, PROVIDER);
  const isGitHub = GITHUB_PROVIDER_IDS.includes(detectProvider(token).id);
  if (!isGitHub || !REVOCABLE_PREFIXES.some((prefix) => token.startsWith(prefix))) {
    throw new RekeyError(
      'invalid-input',
      `Only GitHub tokens starting with ${REVOCABLE_PREFIXES.join(', ')} can be revoked at GitHub; this value is not one and was not sent.`,
    );
  }
  return token;
}

/** GitHub's rate limit answers 403 or 429 with x-ratelimit-remaining: 0 and the reset as epoch seconds. */
function rateLimitError(at: CallSite, response: HttpResponse): ProviderApiError | null {
  const exhausted = response.headers.get('x-ratelimit-remaining') === '0';
  if (response.status !== 429 && !(response.status === 403 && exhausted)) return null;
  let retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  if (retryAfter === undefined && Number.isFinite(reset) && reset > 0) retryAfter = Math.max(0, Math.ceil(reset - Date.now() / 1000));
  return new ProviderApiError({
    provider: PROVIDER,
    operation: at.operation,
    kind: 'rate-limited',
    status: response.status,
    retryAfterSeconds: retryAfter,
    hint: 'GitHub takes 60 revocation requests an hour from one address',
  });
}

async function revoke(ctx: AdapterContext, target: RevokeTarget): Promise<RevokeResult> {
  const token = revocableToken(target);
  const at: CallSite = { provider: PROVIDER, operation: 'revoking the token', secrets: [token] };
  // no Authorization header: the endpoint refuses authenticated requests
  const response = await send(ctx, at, {
    method: 'POST',
    path: '/credentials/revoke',
    headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
    json: { credentials: [token] },
  });
  if (response.status === 202) return { outcome: 'submitted' };
  throw (
    rateLimitError(at, response) ??
    errorFromResponse(
      at,
      response,
      response.status === 422 ? { hint: 'GitHub refused the request (validation failed, or too many requests)' } : {},
    )
  );
}

export const githubAdapter: RevokeOnlyAdapter = {
  kind: 'revoke-only',
  id: 'github',
  providerIds: GITHUB_PROVIDER_IDS,
  displayName: PROVIDER,
  referenceUrl: 'https://docs.github.com/en/rest/credentials/revoke?apiVersion=2022-11-28',
  defaultBaseUrl: 'https://api.github.com',
  auth: 'none',
  credentialKind: 'token',
  revoke,
};
