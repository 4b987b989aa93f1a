/**
 * Cloudflare API tokens: "roll" gives the same token (same id, permissions) a new secret and
 * invalidates the old one at once. A management token with the "API Tokens Write" permission
 * rolls it; the token itself verifies.
 * Reference: https://developers.cloudflare.com/api/resources/user/subresources/tokens/
 *   PUT    /user/tokens/{token_id}/value {}  -> {"success": true, "result": "<new value>"}
 *   GET    /user/tokens/verify              -> {"result": {"id", "status": "active", ...}}
 *   DELETE /user/tokens/{token_id}          -> deletes the token (every value of it)
 *   GET    /user/tokens?page=&per_page=      -> the tokens, with result_info.total_pages
 * Account-owned tokens: the same under /accounts/{account_id}/tokens (settings.accountId).
 * https://developers.cloudflare.com/fundamentals/api/how-to/roll-token/
 * Settings: tokenId (the id of the token to roll; verify() of the current token says it).
 */
import type { AdapterContext, ListingAdapter, MintResult, ProviderKey, RevokeResult, RevokeTarget, VerifyResult } from './adapter.js';
import { providerKey, requireAuth } from './adapter.js';
import { Credential, tokenOf } from './credential.js';
import { isProviderApiError } from './errors.js';
import type { CallSite, HttpResponse } from './http.js';
import { callSite, deleteKey, dateField, errorFromResponse, field, invalidResponse, send, stringField } from './http.js';

const PROVIDER = 'Cloudflare';
const MAX_LIST_PAGES = 20;
const ID = /^[A-Za-z0-9]{1,32}$/;

function tokensPath(ctx: AdapterContext): string {
  const account = ctx.settings?.['accountId'];
  if (account === undefined) return '/user/tokens';
  if (!ID.test(account)) throw new RangeError('Cloudflare: accountId is a 32-character identifier');
  return `/accounts/${account}/tokens`;
}

function tokenId(id: string | undefined): string {
  if (id === undefined || !ID.test(id)) throw new RangeError('Cloudflare: the token id (settings.tokenId) is a 32-character identifier');
  return id;
}

function bearer(credential: Credential): Record<string, string> {
  return { authorization: `Bearer ${tokenOf(credential, PROVIDER)}` };
}

/** Cloudflare's envelope: {"success": false, "errors": [{"code": 1000, "message": "..."}]}. */
function cloudflareError(at: CallSite, response: HttpResponse): Error {
  const errors = field(response.body, 'errors');
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  const hint = response.status === 403 ? 'the management token needs the "API Tokens Write" permission' : undefined;
  return errorFromResponse(at, response, { code: field(first, 'code'), ...(hint === undefined ? {} : { hint }) });
}

function succeeded(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300 && field(response.body, 'success') === true;
}

async function mint(ctx: AdapterContext): Promise<MintResult> {
  const auth = requireAuth(ctx, PROVIDER);
  const id = tokenId(ctx.settings?.['tokenId']);
  const at = callSite(PROVIDER, 'rolling the token', auth);
  const response = await send(ctx, at, { method: 'PUT', path: `${tokensPath(ctx)}/${id}/value`, headers: bearer(auth), json: {} });
  if (!succeeded(response)) throw cloudflareError(at, response);
  const value = field(response.body, 'result');
  if (typeof value !== 'string' || value === '') throw invalidResponse(at, response.status, 'the new token value');
  return { credential: Credential.token(value), providerKeyId: id };
}

async function verify(ctx: AdapterContext, credential: Credential): Promise<VerifyResult> {
  const at = callSite(PROVIDER, 'verifying the token', credential);
  const response = await send(ctx, at, { method: 'GET', path: `${tokensPath(ctx)}/verify`, headers: bearer(credential) });
  if (!succeeded(response)) throw cloudflareError(at, response);
  const result = field(response.body, 'result');
  const id = stringField(result, 'id');
  if (field(result, 'status') !== 'active' || id === undefined) throw invalidResponse(at, response.status, 'an active token');
  return { identity: `token ${id}`, providerKeyId: id };
}

/**
 * By id: the token is deleted, every value of it. By value: its id is looked up with the value
 * itself first; a value Cloudflare refuses is already dead (rolled or deleted).
 */
async function revoke(ctx: AdapterContext, target: RevokeTarget): Promise<RevokeResult> {
  let id: string;
  if ('credential' in target) {
    try {
      id = tokenId((await verify(ctx, target.credential)).providerKeyId);
    } catch (error) {
      if (isProviderApiError(error) && error.kind === 'unauthorised') return { outcome: 'already-revoked' };
      throw error;
    }
  } else {
    id = tokenId(target.providerKeyId);
  }
  const auth = requireAuth(ctx, PROVIDER);
  const at = callSite(PROVIDER, 'deleting the token', auth, ...('credential' in target ? [target.credential] : []));
  return deleteKey(ctx, at, { path: `${tokensPath(ctx)}/${id}`, headers: bearer(auth), error: cloudflareError, deleted: succeeded });
}

async function list(ctx: AdapterContext): Promise<readonly ProviderKey[]> {
  const auth = requireAuth(ctx, PROVIDER);
  const at = callSite(PROVIDER, 'listing the tokens', auth);
  const keys: ProviderKey[] = [];
  for (let page = 1; page <= MAX_LIST_PAGES; page++) {
    const response = await send(ctx, at, {
      method: 'GET',
      path: tokensPath(ctx),
      query: { page: String(page), per_page: '50' },
      headers: bearer(auth),
    });
    if (!succeeded(response)) throw cloudflareError(at, response);
    const result = field(response.body, 'result');
    if (!Array.isArray(result)) throw invalidResponse(at, response.status, 'a list of tokens');
    for (const entry of result as unknown[]) {
      const id = stringField(entry, 'id');
      if (id === undefined) continue;
      const status = field(entry, 'status');
      keys.push(
        providerKey(id, status === 'active' ? 'active' : status === 'expired' ? 'expired' : 'inactive', {
          name: stringField(entry, 'name'),
          createdAt: dateField(entry, 'issued_on'),
          expiresAt: dateField(entry, 'expires_on'),
        }),
      );
    }
    const totalPages = field(field(response.body, 'result_info'), 'total_pages');
    if (typeof totalPages !== 'number' || page >= totalPages) break;
  }
  return keys;
}

export const cloudflareAdapter: ListingAdapter = {
  kind: 'rotate',
  id: 'cloudflare',
  providerIds: [],
  displayName: PROVIDER,
  referenceUrl: 'https://developers.cloudflare.com/api/resources/user/subresources/tokens/',
  defaultBaseUrl: 'https://api.cloudflare.com/client/v4',
  auth: 'management',
  credentialKind: 'token',
  mintRevokesOld: true,
  mint,
  verify,
  revoke,
  list,
};
