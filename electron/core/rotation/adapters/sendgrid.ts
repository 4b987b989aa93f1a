/**
 * SendGrid (Twilio) API keys, managed with a key that has the "API Keys" permission. The new key
 * gets the old key's scopes, read from SendGrid, so a rotation never widens or narrows access.
 * Reference: https://www.twilio.com/docs/sendgrid/api-reference/api-keys
 *   GET    /v3/api_keys/{api_key_id} -> {"result": [{"name", "api_key_id", "scopes"}]}; 404 if unknown
 *   POST   /v3/api_keys {"name", "scopes"} -> 201 {"api_key", "api_key_id", "name", "scopes"};
 *          403 once the account holds 100 keys
 *   DELETE /v3/api_keys/{api_key_id} -> 204
 *   GET    /v3/api_keys -> {"result": [{"name", "api_key_id"}]}
 *   GET    /v3/scopes   -> the calling key's own scopes (the harmless verify call)
 * EU regional subusers: base URL https://api.eu.sendgrid.com.
 * Settings: replacesKeyId, the id of the key being rotated (the middle part of SG.<id>.<secret>,
 * see sendgridKeyId).
 */
import type { AdapterContext, ListingAdapter, MintResult, ProviderKey, RevokeResult, RevokeTarget, VerifyResult } from './adapter.js';
import { providerKey, requireAuth } from './adapter.js';
import { Credential, tokenOf } from './credential.js';
import type { CallSite, HttpResponse } from './http.js';
import { callSite, deleteKey, errorFromResponse, field, invalidResponse, send, stringField } from './http.js';

const PROVIDER = 'SendGrid';
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

function bearer(credential: Credential): Record<string, string> {
  return { authorization: `Bearer ${tokenOf(credential, PROVIDER)}` };
}

/** A SendGrid key reads SG.<api_key_id>.<secret>: the id is not secret and names the key in the API. */
export function sendgridKeyId(credential: Credential): string | undefined {
  const parts = credential.reveal();
  if (parts.kind !== 'token') return undefined;
  const match = /^SG\.([A-Za-z0-9_-]{16,32})\.[A-Za-z0-9_-]{20,64}$/.exec(parts.token);
  return match?.[1];
}

function keyId(id: string | undefined, what: string): string {
  if (id === undefined || !KEY_ID.test(id)) throw new RangeError(`SendGrid: ${what} is not an API key id`);
  return id;
}

/** SendGrid's errors: {"errors": [{"field": ..., "message": ...}]}, with no code: the status says it. */
function sendgridError(at: CallSite, response: HttpResponse, limitPossible = false): Error {
  if (limitPossible && response.status === 403) {
    return errorFromResponse(at, response, {
      kind: 'limit-reached',
      hint: 'SendGrid allows 100 API keys per account, or the management key lacks the "API Keys" permission',
    });
  }
  if (response.status === 403) return errorFromResponse(at, response, { hint: 'the management key needs the "API Keys" permission' });
  return errorFromResponse(at, response);
}

async function mint(ctx: AdapterContext): Promise<MintResult> {
  const auth = requireAuth(ctx, PROVIDER);
  const oldId = keyId(ctx.settings?.['replacesKeyId'], 'settings.replacesKeyId');
  const read = callSite(PROVIDER, "reading the old key's scopes", auth);
  const current = await send(ctx, read, { method: 'GET', path: `/v3/api_keys/${oldId}`, headers: bearer(auth) });
  if (current.status !== 200) throw sendgridError(read, current);
  const result = field(current.body, 'result');
  const old: unknown = Array.isArray(result) ? result[0] : result;
  const scopes = field(old, 'scopes');
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string'))
    throw invalidResponse(read, current.status, "the key's scopes");
  const name = `${stringField(old, 'name') ?? 'API key'} (rotated ${new Date().toISOString().slice(0, 10)})`.slice(0, 100);

  const at = callSite(PROVIDER, 'creating the new API key', auth);
  const response = await send(ctx, at, { method: 'POST', path: '/v3/api_keys', headers: bearer(auth), json: { name, scopes } });
  if (response.status !== 201 && response.status !== 200) throw sendgridError(at, response, true);
  const value = stringField(response.body, 'api_key');
  const id = stringField(response.body, 'api_key_id');
  if (value === undefined || id === undefined) throw invalidResponse(at, response.status, 'the new key and its id');
  return { credential: Credential.token(value), providerKeyId: id };
}

async function verify(ctx: AdapterContext, credential: Credential): Promise<VerifyResult> {
  const at = callSite(PROVIDER, 'verifying the new key', credential);
  const response = await send(ctx, at, { method: 'GET', path: '/v3/scopes', headers: bearer(credential) });
  if (response.status !== 200) throw sendgridError(at, response);
  if (!Array.isArray(field(response.body, 'scopes'))) throw invalidResponse(at, response.status, "the key's scopes");
  const id = sendgridKeyId(credential);
  return id === undefined ? { identity: null } : { identity: `API key ${id}`, providerKeyId: id };
}

async function revoke(ctx: AdapterContext, target: RevokeTarget): Promise<RevokeResult> {
  const auth = requireAuth(ctx, PROVIDER);
  const id = 'providerKeyId' in target ? keyId(target.providerKeyId, 'the key id') : keyId(sendgridKeyId(target.credential), 'the value');
  const at = callSite(PROVIDER, 'deleting the old key', auth, ...('credential' in target ? [target.credential] : []));
  return deleteKey(ctx, at, { path: `/v3/api_keys/${id}`, headers: bearer(auth), error: sendgridError });
}

async function list(ctx: AdapterContext): Promise<readonly ProviderKey[]> {
  const auth = requireAuth(ctx, PROVIDER);
  const at = callSite(PROVIDER, 'listing the API keys', auth);
  const response = await send(ctx, at, { method: 'GET', path: '/v3/api_keys', query: { limit: '100' }, headers: bearer(auth) });
  if (response.status !== 200) throw sendgridError(at, response);
  const result = field(response.body, 'result');
  if (!Array.isArray(result)) throw invalidResponse(at, response.status, 'a list of keys');
  return (result as unknown[]).flatMap((entry): ProviderKey[] => {
    const id = stringField(entry, 'api_key_id');
    const name = stringField(entry, 'name');
    return id === undefined ? [] : [providerKey(id, 'active', { name })];
  });
}

export const sendgridAdapter: ListingAdapter = {
  kind: 'rotate',
  id: 'sendgrid',
  providerIds: ['sendgrid'],
  displayName: PROVIDER,
  referenceUrl: 'https://www.twilio.com/docs/sendgrid/api-reference/api-keys',
  defaultBaseUrl: 'https://api.sendgrid.com',
  auth: 'management',
  credentialKind: 'token',
  mintRevokesOld: false,
  mint,
  verify,
  revoke,
  list,
};
