import type { StandinRequest, StandinResponse } from './standin-server.js';
import { Standin, randomToken } from './standin-server.js';

/**
 * Anthropic's Admin API for API keys and GET /v1/models, stateful, from
 * https://docs.anthropic.com/en/api/admin-api/apikeys/update-api-key (and get, list): an inactive
 * key gets 401 authentication_error; only an admin key (sk-ant-admin) may read or update keys,
 * another key gets 403 permission_error; keys are shown with a partial_key_hint, never whole.
 */
interface KeyRecord {
  readonly id: string;
  readonly value: string;
  readonly name: string;
  status: 'active' | 'inactive' | 'archived';
}

function error(status: number, type: string, message: string): StandinResponse {
  return { status, json: { type: 'error', error: { type, message } } };
}

function hint(value: string): string {
  return `${value.slice(0, 16)}...${value.slice(-4)}`;
}

export class AnthropicStandin extends Standin {
  readonly #keys: KeyRecord[] = [];
  readonly #adminKeys = new Set<string>();

  issueAdminKey(): string {
    const key = `sk-ant-admin01-${randomToken(86)}-${randomToken(6)}AA`;
    this.#adminKeys.add(key);
    return key;
  }

  issueKey(name: string, value?: string): { id: string; value: string } {
    const record: KeyRecord = {
      id: `apikey_01${randomToken(22)}`,
      value: value ?? `sk-ant-api03-${randomToken(93)}AA`,
      name,
      status: 'active',
    };
    this.#keys.push(record);
    return { id: record.id, value: record.value };
  }

  statusOf(id: string): string | undefined {
    return this.#keys.find((k) => k.id === id)?.status;
  }

  private view(k: KeyRecord): Record<string, unknown> {
    return {
      type: 'api_key',
      id: k.id,
      name: k.name,
      status: k.status,
      partial_key_hint: hint(k.value),
      workspace_id: null,
      created_at: '2026-01-01T00:00:00Z',
      created_by: { id: 'user_01', type: 'user' },
      expires_at: null,
    };
  }

  protected handle(request: StandinRequest): StandinResponse {
    const presented = request.headers['x-api-key'];
    const key = typeof presented === 'string' ? presented : '';
    const isAdmin = this.#adminKeys.has(key);
    const apiKey = this.#keys.find((k) => k.value === key && k.status === 'active');
    if (!isAdmin && apiKey === undefined) return error(401, 'authentication_error', 'invalid x-api-key');
    if (request.headers['anthropic-version'] === undefined)
      return error(400, 'invalid_request_error', 'anthropic-version: header is required');
    const path = request.url.pathname;
    if (request.method === 'GET' && path === '/v1/models')
      return { status: 200, json: { data: [{ type: 'model', id: 'claude-sonnet-4-5' }], has_more: false } };
    if (!path.startsWith('/v1/organizations/api_keys')) return error(404, 'not_found_error', 'Not found');
    if (!isAdmin) return error(403, 'permission_error', 'This operation requires an admin API key.');
    if (request.method === 'GET' && path === '/v1/organizations/api_keys') {
      const limit = Number(request.url.searchParams.get('limit') ?? '20');
      const after = request.url.searchParams.get('after_id');
      const start = after === null ? 0 : this.#keys.findIndex((k) => k.id === after) + 1;
      const page = this.#keys.slice(start, start + limit);
      return {
        status: 200,
        json: {
          data: page.map((k) => this.view(k)),
          has_more: start + limit < this.#keys.length,
          first_id: page[0]?.id ?? null,
          last_id: page.at(-1)?.id ?? null,
        },
      };
    }
    const one = /^\/v1\/organizations\/api_keys\/([A-Za-z0-9_-]+)$/.exec(path);
    const target = this.#keys.find((k) => k.id === one?.[1]);
    if (one === null || target === undefined) return error(404, 'not_found_error', 'API key not found');
    if (request.method === 'GET') return { status: 200, json: this.view(target) };
    if (request.method === 'POST') {
      const status = (JSON.parse(request.body || '{}') as { status?: unknown }).status;
      if (status !== 'active' && status !== 'inactive' && status !== 'archived')
        return error(400, 'invalid_request_error', 'status: invalid value');
      target.status = status;
      return { status: 200, json: this.view(target) };
    }
    return error(405, 'invalid_request_error', 'Method not allowed');
  }
}
