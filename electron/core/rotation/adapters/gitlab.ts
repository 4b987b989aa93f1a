/**
 * GitLab personal access tokens: the token rotates itself.
 * Reference: https://docs.gitlab.com/api/personal_access_tokens/
 *   POST   /api/v4/personal_access_tokens/self/rotate  (GitLab 16.10+, token with the api or
 *          self_rotate scope) -> 200 with the new token; the old one is revoked at once
 *   GET    /api/v4/personal_access_tokens/self          -> the token's own record (verify)
 *   DELETE /api/v4/personal_access_tokens/self | /:id   -> 204
 *   GET    /api/v4/personal_access_tokens               -> the user's tokens (reconcile)
 * Authentication is the PRIVATE-TOKEN header. Self-managed instances: the base URL is the
 * instance's address (https://gitlab.example.com), /api/v4 is appended.
 *
 * Rotating a token that was already rotated makes GitLab revoke the whole token family,
 * including the new token (https://gitlab.com/gitlab-org/gitlab/-/issues/524639): a mint must
 * never be retried blindly with the old token after a lost response.
 */
import type { AdapterContext, ListingAdapter, MintResult, ProviderKey, RevokeResult, RevokeTarget, VerifyResult } from './adapter.js';
import { providerKey, requireAuth } from './adapter.js';
import { Credential, tokenOf } from './credential.js';
import type { CallSite, HttpResponse } from './http.js';
import { callSite, deleteKey, dateField, errorFromResponse, field, idField, invalidResponse, send, stringField } from './http.js';

const PROVIDER = 'GitLab';
const API = '/api/v4/personal_access_tokens';
const MAX_LIST_PAGES = 20;

/** GitLab answers {"message": "401 Unauthorized"} or, from its OAuth layer, {"error": "invalid_token", ...}. */
function gitlabError(at: CallSite, response: HttpResponse): Error {
  const code = stringField(response.body, 'error');
  if (response.status === 403) {
    return errorFromResponse(at, response, { code, hint: 'the token needs the api or self_rotate scope' });
  }
  if (response.status === 405) {
    return errorFromResponse(at, response, {
      kind: 'rejected',
      code,
      hint: 'GitLab cannot rotate this token (is it active, and is the instance GitLab 16.10 or later?)',
    });
  }
  return errorFromResponse(at, response, { code });
}

function authHeader(credential: Credential): Record<string, string> {
  return { 'PRIVATE-TOKEN': tokenOf(credential, PROVIDER) };
}

/** expires_at is a date (YYYY-MM-DD); settings.expiresInDays asks for one, else GitLab's default applies. */
function requestedExpiry(ctx: AdapterContext): { expires_at: string } | undefined {
  const days = ctx.settings?.['expiresInDays'];
  if (days === undefined) return undefined;
  const count = Number(days);
  if (!Number.isInteger(count) || count < 1 || count > 400)
    throw new RangeError('GitLab: expiresInDays must be a whole number of days from 1 to 400');
  const at = new Date(Date.now() + count * 86_400_000);
  return { expires_at: at.toISOString().slice(0, 10) };
}

async function mint(ctx: AdapterContext): Promise<MintResult> {
  const auth = requireAuth(ctx, PROVIDER);
  const at = callSite(PROVIDER, 'rotating the personal access token', auth);
  const response = await send(ctx, at, {
    method: 'POST',
    path: `${API}/self/rotate`,
    headers: authHeader(auth),
    json: requestedExpiry(ctx),
  });
  if (response.status !== 200 && response.status !== 201) throw gitlabError(at, response);
  const token = stringField(response.body, 'token');
  const id = idField(response.body, 'id');
  if (token === undefined || id === undefined) throw invalidResponse(at, response.status, 'the new token and its id');
  const expiresAt = dateField(response.body, 'expires_at');
  return { credential: Credential.token(token), providerKeyId: id, ...(expiresAt === undefined ? {} : { expiresAt }) };
}

async function verify(ctx: AdapterContext, credential: Credential): Promise<VerifyResult> {
  const at = callSite(PROVIDER, 'verifying the new token', credential);
  const response = await send(ctx, at, { method: 'GET', path: `${API}/self`, headers: authHeader(credential) });
  if (response.status !== 200) throw gitlabError(at, response);
  if (field(response.body, 'active') !== true || field(response.body, 'revoked') === true) {
    throw invalidResponse(at, response.status, 'an active, unrevoked token');
  }
  const id = idField(response.body, 'id');
  const user = idField(response.body, 'user_id');
  if (id === undefined) return { identity: null };
  return { identity: `token ${id}${user === undefined ? '' : ` of user ${user}`}`, providerKeyId: id };
}

async function revoke(ctx: AdapterContext, target: RevokeTarget): Promise<RevokeResult> {
  if ('credential' in target) {
    // the token revokes itself; if GitLab refuses it, it is already unusable
    const at = callSite(PROVIDER, 'revoking the token', target.credential);
    const response = await send(ctx, at, { method: 'DELETE', path: `${API}/self`, headers: authHeader(target.credential) });
    if (response.status === 204 || response.status === 200) return { outcome: 'revoked' };
    if (response.status === 401) return { outcome: 'already-revoked' };
    throw gitlabError(at, response);
  }
  const auth = requireAuth(ctx, PROVIDER);
  const at = callSite(PROVIDER, 'revoking the old token', auth);
  if (!/^\d+$/.test(target.providerKeyId)) throw new RangeError('GitLab token ids are numbers');
  return deleteKey(ctx, at, { path: `${API}/${target.providerKeyId}`, headers: authHeader(auth), error: gitlabError });
}

async function list(ctx: AdapterContext): Promise<readonly ProviderKey[]> {
  const auth = requireAuth(ctx, PROVIDER);
  const at = callSite(PROVIDER, 'listing the tokens', auth);
  const keys: ProviderKey[] = [];
  let page = '1';
  for (let n = 0; n < MAX_LIST_PAGES && page !== ''; n++) {
    const response = await send(ctx, at, { method: 'GET', path: API, query: { per_page: '100', page }, headers: authHeader(auth) });
    if (response.status !== 200) throw gitlabError(at, response);
    if (!Array.isArray(response.body)) throw invalidResponse(at, response.status, 'a list of tokens');
    for (const entry of response.body as unknown[]) keys.push(toProviderKey(entry));
    page = response.headers.get('x-next-page') ?? '';
  }
  return keys;
}

function toProviderKey(entry: unknown): ProviderKey {
  const status = field(entry, 'revoked') === true ? 'revoked' : field(entry, 'active') === true ? 'active' : 'expired';
  return providerKey(idField(entry, 'id') ?? '', status, {
    name: stringField(entry, 'name'),
    createdAt: dateField(entry, 'created_at'),
    expiresAt: dateField(entry, 'expires_at'),
  });
}

export const gitlabAdapter: ListingAdapter = {
  kind: 'rotate',
  id: 'gitlab',
  providerIds: ['gitlab'],
  displayName: PROVIDER,
  referenceUrl: 'https://docs.gitlab.com/api/personal_access_tokens/',
  defaultBaseUrl: 'https://gitlab.com',
  auth: 'self',
  credentialKind: 'token',
  mintRevokesOld: true,
  mint,
  verify,
  revoke,
  list,
};
