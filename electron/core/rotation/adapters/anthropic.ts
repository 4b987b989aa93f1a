/**
 * Anthropic: revoke only. The Admin API cannot create API keys, but an admin key (sk-ant-admin...)
 * can set one inactive, which stops it at once.
 * Reference: https://docs.anthropic.com/en/api/admin-api/apikeys/update-api-key
 *   GET  /v1/organizations/api_keys/{api_key_id}           -> {"id", "status", "partial_key_hint", ...}
 *   POST /v1/organizations/api_keys/{api_key_id} {"status": "inactive"}
 *   GET  /v1/organizations/api_keys?limit=&after_id=        -> {"data", "has_more", "last_id"}
 * Headers: x-api-key (the admin key), anthropic-version: 2023-06-01.
 * A key given by value is found by its partial_key_hint ("sk-ant-api03-R2D...igAA"), and only
 * when exactly one key of the organization matches it.
 */
import { RekeyError } from '../../errors.js';
import type { AdapterContext, RevokeOnlyAdapter, RevokeResult, RevokeTarget } from './adapter.js';
import { requireAuth } from './adapter.js';
import type { Credential } from './credential.js';
import { tokenOf } from './credential.js';
import { ProviderApiError } from './errors.js';
import type { CallSite, HttpResponse } from './http.js';
import { callSite, errorFromResponse, field, invalidResponse, send, stringField } from './http.js';

const PROVIDER = 'Anthropic';
const MAX_LIST_PAGES = 50;
const ID = /^[A-Za-z0-9_-]{1,100}$/;

function headers(admin: Credential): Record<string, string> {
  return { 'x-api-key': tokenOf(admin, PROVIDER), 'anthropic-version': '2023-06-01' };
}

/** Anthropic's errors: {"type": "error", "error": {"type": "not_found_error", "message": ...}}. */
function anthropicError(at: CallSite, response: HttpResponse): Error {
  const code = field(field(response.body, 'error'), 'type');
  const hint = response.status === 403 ? 'setting keys inactive needs an admin key (sk-ant-admin...)' : undefined;
  return errorFromResponse(at, response, {
    code,
    // 529 is Anthropic's "overloaded"
    ...(response.status === 529 ? { kind: 'provider-failure' as const } : {}),
    ...(hint === undefined ? {} : { hint }),
  });
}

function matchesHint(value: string, hint: string | undefined): boolean {
  if (hint === undefined) return false;
  const [head, tail, ...rest] = hint.split('...');
  if (head === undefined || tail === undefined || rest.length > 0 || head.length < 8 || tail.length < 4) return false;
  return value.length > head.length + tail.length && value.startsWith(head) && value.endsWith(tail);
}

async function findByValue(ctx: AdapterContext, admin: Credential, credential: Credential): Promise<string> {
  const value = tokenOf(credential, PROVIDER);
  const at = callSite(PROVIDER, 'looking up the key', admin, credential);
  const matches: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const query: Record<string, string> = { limit: '100', ...(after === undefined ? {} : { after_id: after }) };
    const response = await send(ctx, at, { method: 'GET', path: '/v1/organizations/api_keys', query, headers: headers(admin) });
    if (response.status !== 200) throw anthropicError(at, response);
    const data = field(response.body, 'data');
    if (!Array.isArray(data)) throw invalidResponse(at, response.status, 'a list of API keys');
    for (const entry of data as unknown[]) {
      const id = stringField(entry, 'id');
      if (id !== undefined && matchesHint(value, stringField(entry, 'partial_key_hint'))) matches.push(id);
    }
    after = stringField(response.body, 'last_id');
    if (field(response.body, 'has_more') !== true || after === undefined) break;
  }
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  throw new ProviderApiError({
    provider: PROVIDER,
    operation: at.operation,
    kind: matches.length === 0 ? 'not-found' : 'rejected',
    hint:
      matches.length === 0
        ? 'no API key of this organization matches the value'
        : 'several API keys match the value; give the key id instead',
  });
}

async function revoke(ctx: AdapterContext, target: RevokeTarget): Promise<RevokeResult> {
  const admin = requireAuth(ctx, PROVIDER);
  const id = 'providerKeyId' in target ? target.providerKeyId : await findByValue(ctx, admin, target.credential);
  if (!ID.test(id)) throw new RekeyError('invalid-input', 'That is not an Anthropic API key id (apikey_...).');
  const secrets = 'credential' in target ? [admin, target.credential] : [admin];
  const read = callSite(PROVIDER, 'reading the key', ...secrets);
  const current = await send(ctx, read, { method: 'GET', path: `/v1/organizations/api_keys/${id}`, headers: headers(admin) });
  if (current.status === 404) return { outcome: 'already-revoked' };
  if (current.status !== 200) throw anthropicError(read, current);
  if (field(current.body, 'status') !== 'active') return { outcome: 'already-revoked' };
  const at = callSite(PROVIDER, 'setting the key inactive', ...secrets);
  const response = await send(ctx, at, {
    method: 'POST',
    path: `/v1/organizations/api_keys/${id}`,
    headers: headers(admin),
    json: { status: 'inactive' },
  });
  if (response.status !== 200) throw anthropicError(at, response);
  if (field(response.body, 'status') !== 'inactive') throw invalidResponse(at, response.status, 'the key, now inactive');
  return { outcome: 'revoked' };
}

export const anthropicAdapter: RevokeOnlyAdapter = {
  kind: 'revoke-only',
  id: 'anthropic',
  providerIds: ['anthropic'],
  displayName: PROVIDER,
  referenceUrl: 'https://docs.anthropic.com/en/api/admin-api/apikeys/update-api-key',
  defaultBaseUrl: 'https://api.anthropic.com',
  auth: 'management',
  credentialKind: 'token',
  revoke,
};
