/**
 * OpenAI project service-account keys, managed with an organization admin key (sk-admin-...).
 * A service account's key cannot be replaced in place, so a rotation creates a new service
 * account in the same project (its key comes with it) and deletes the old service account,
 * which revokes the old key.
 * Reference: https://platform.openai.com/docs/api-reference/project-service-accounts
 *   POST   /v1/organization/projects/{project_id}/service_accounts {"name"} -> {"id": "svc_acct_...",
 *          "api_key": {"value", "id", ...}, ...}
 *   DELETE /v1/organization/projects/{project_id}/service_accounts/{service_account_id}
 *          -> {"object": "organization.project.service_account.deleted", "deleted": true}
 *   GET    /v1/organization/projects/{project_id}/service_accounts?limit=&after= (has_more, last_id)
 *   GET    /v1/models with the new key (the harmless verify call)
 * Settings: projectId (proj_...), serviceAccountName (default "rekey").
 */
import { RekeyError } from '../../errors.js';
import type { AdapterContext, ListingAdapter, MintResult, ProviderKey, RevokeResult, RevokeTarget, VerifyResult } from './adapter.js';
import { providerKey, requireAuth } from './adapter.js';
import { Credential, tokenOf } from './credential.js';
import type { CallSite, HttpResponse } from './http.js';
import { callSite, errorFromResponse, field, invalidResponse, send, stringField } from './http.js';

const PROVIDER = 'OpenAI';
const MAX_LIST_PAGES = 20;
const ID = /^[A-Za-z0-9_-]{1,100}$/;

function bearer(credential: Credential): Record<string, string> {
  return { authorization: `Bearer ${tokenOf(credential, PROVIDER)}` };
}

function projectPath(ctx: AdapterContext): string {
  const project = ctx.settings?.['projectId'];
  if (project === undefined || !ID.test(project)) throw new RangeError('OpenAI: settings.projectId (proj_...) is needed');
  return `/v1/organization/projects/${project}/service_accounts`;
}

/** OpenAI's errors: {"error": {"message", "type", "param", "code"}}. */
function openaiError(at: CallSite, response: HttpResponse): Error {
  const error = field(response.body, 'error');
  const code = field(error, 'code') ?? field(error, 'type');
  const hint = response.status === 403 ? 'managing service accounts needs an organization admin key (sk-admin-...)' : undefined;
  return errorFromResponse(at, response, { code, ...(hint === undefined ? {} : { hint }) });
}

async function mint(ctx: AdapterContext): Promise<MintResult> {
  const auth = requireAuth(ctx, PROVIDER);
  const name = ctx.settings?.['serviceAccountName'] ?? 'rekey';
  const at = callSite(PROVIDER, 'creating the new service account and its key', auth);
  const response = await send(ctx, at, { method: 'POST', path: projectPath(ctx), headers: bearer(auth), json: { name } });
  if (response.status !== 200 && response.status !== 201) throw openaiError(at, response);
  const id = stringField(response.body, 'id');
  const value = stringField(field(response.body, 'api_key'), 'value');
  if (id === undefined || value === undefined) throw invalidResponse(at, response.status, 'the service account and its key');
  const expires = field(field(response.body, 'api_key'), 'expires_at');
  return {
    credential: Credential.token(value),
    providerKeyId: id,
    ...(typeof expires === 'number' ? { expiresAt: new Date(expires * 1000) } : {}),
  };
}

async function verify(ctx: AdapterContext, credential: Credential): Promise<VerifyResult> {
  const at = callSite(PROVIDER, 'verifying the new key', credential);
  const response = await send(ctx, at, { method: 'GET', path: '/v1/models', headers: bearer(credential) });
  if (response.status !== 200) throw openaiError(at, response);
  if (!Array.isArray(field(response.body, 'data'))) throw invalidResponse(at, response.status, 'a list of models');
  return { identity: null };
}

async function revoke(ctx: AdapterContext, target: RevokeTarget): Promise<RevokeResult> {
  if (!('providerKeyId' in target)) {
    throw new RekeyError(
      'invalid-input',
      'OpenAI revokes a service-account key by deleting its service account: give the service account id, not the value.',
    );
  }
  if (!ID.test(target.providerKeyId)) throw new RangeError('OpenAI: not a service account id');
  const auth = requireAuth(ctx, PROVIDER);
  const at = callSite(PROVIDER, 'deleting the old service account', auth);
  const response = await send(ctx, at, { method: 'DELETE', path: `${projectPath(ctx)}/${target.providerKeyId}`, headers: bearer(auth) });
  if (response.status === 200 && field(response.body, 'deleted') === true) return { outcome: 'revoked' };
  if (response.status === 404) return { outcome: 'already-revoked' };
  if (response.status === 200) throw invalidResponse(at, response.status, 'a deletion confirmation');
  throw openaiError(at, response);
}

async function list(ctx: AdapterContext): Promise<readonly ProviderKey[]> {
  const auth = requireAuth(ctx, PROVIDER);
  const at = callSite(PROVIDER, 'listing the service accounts', auth);
  const keys: ProviderKey[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const query: Record<string, string> = { limit: '100', ...(after === undefined ? {} : { after }) };
    const response = await send(ctx, at, { method: 'GET', path: projectPath(ctx), query, headers: bearer(auth) });
    if (response.status !== 200) throw openaiError(at, response);
    const data = field(response.body, 'data');
    if (!Array.isArray(data)) throw invalidResponse(at, response.status, 'a list of service accounts');
    for (const entry of data as unknown[]) {
      const id = stringField(entry, 'id');
      const name = stringField(entry, 'name');
      const created = field(entry, 'created_at');
      if (id === undefined) continue;
      keys.push(providerKey(id, 'active', { name, createdAt: typeof created === 'number' ? new Date(created * 1000) : undefined }));
    }
    after = stringField(response.body, 'last_id');
    if (field(response.body, 'has_more') !== true || after === undefined) break;
  }
  return keys;
}

export const openaiAdapter: ListingAdapter = {
  kind: 'rotate',
  id: 'openai',
  providerIds: ['openai'],
  displayName: PROVIDER,
  referenceUrl: 'https://platform.openai.com/docs/api-reference/project-service-accounts',
  defaultBaseUrl: 'https://api.openai.com',
  auth: 'management',
  credentialKind: 'token',
  mintRevokesOld: false,
  mint,
  verify,
  revoke,
  list,
};
