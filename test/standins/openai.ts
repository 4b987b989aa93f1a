import type { StandinRequest, StandinResponse } from './standin-server.js';
import { Standin, randomToken } from './standin-server.js';

/**
 * OpenAI's project service accounts (Admin API) and GET /v1/models, stateful, from
 * https://platform.openai.com/docs/api-reference/project-service-accounts : creating a service
 * account returns its key once; deleting the service account revokes its key (401
 * invalid_api_key afterwards); only an admin key (sk-admin-) may manage service accounts, a
 * project key gets 403; list pages with limit/after/has_more/last_id.
 */
interface ServiceAccount {
  readonly id: string;
  readonly name: string;
  readonly projectId: string;
  readonly key: string;
  readonly createdAt: number;
}

function error(status: number, message: string, type: string, code: string | null): StandinResponse {
  return { status, json: { error: { message, type, param: null, code } } };
}

const INVALID_KEY = error(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');

export class OpenAiStandin extends Standin {
  readonly #accounts: ServiceAccount[] = [];
  readonly #adminKeys = new Set<string>();

  issueAdminKey(): string {
    const key = `sk-admin-${randomToken(48)}`;
    this.#adminKeys.add(key);
    return key;
  }

  /** A service account as made in the dashboard: returns its id and key. */
  createServiceAccount(projectId: string, name: string): { id: string; key: string } {
    const account = this.create(projectId, name);
    return { id: account.id, key: account.key };
  }

  works(key: string): boolean {
    return this.#accounts.some((a) => a.key === key) || this.#adminKeys.has(key);
  }

  private create(projectId: string, name: string): ServiceAccount {
    const account = {
      id: `svc_acct_${randomToken(24)}`,
      name,
      projectId,
      key: `sk-svcacct-${randomToken(20)}T3BlbkFJ${randomToken(20)}`,
      createdAt: Math.floor(Date.now() / 1000),
    };
    this.#accounts.push(account);
    return account;
  }

  protected handle(request: StandinRequest): StandinResponse {
    const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!this.works(key)) return INVALID_KEY;
    const path = request.url.pathname;
    if (request.method === 'GET' && path === '/v1/models') {
      return {
        status: 200,
        json: { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' }] },
      };
    }
    const match = /^\/v1\/organization\/projects\/([A-Za-z0-9_-]+)\/service_accounts(?:\/([A-Za-z0-9_-]+))?$/.exec(path);
    if (match === null) return error(404, 'Not found', 'invalid_request_error', null);
    if (!this.#adminKeys.has(key))
      return error(403, 'You have insufficient permissions for this operation.', 'invalid_request_error', 'insufficient_permissions');
    const [, projectId = '', accountId] = match;
    if (request.method === 'POST' && accountId === undefined) {
      const name = (JSON.parse(request.body || '{}') as { name?: unknown }).name;
      if (typeof name !== 'string' || name === '') return error(400, 'name is required', 'invalid_request_error', null);
      const account = this.create(projectId, name);
      return {
        status: 200,
        json: {
          object: 'organization.project.service_account',
          id: account.id,
          name: account.name,
          role: 'member',
          created_at: account.createdAt,
          api_key: {
            object: 'organization.project.service_account.api_key',
            value: account.key,
            name: 'Secret Key',
            created_at: account.createdAt,
            id: `key_${randomToken(16)}`,
          },
        },
      };
    }
    if (request.method === 'GET' && accountId === undefined) {
      const inProject = this.#accounts.filter((a) => a.projectId === projectId);
      const limit = Number(request.url.searchParams.get('limit') ?? '20');
      const after = request.url.searchParams.get('after');
      const start = after === null ? 0 : inProject.findIndex((a) => a.id === after) + 1;
      const page = inProject.slice(start, start + limit);
      return {
        status: 200,
        json: {
          object: 'list',
          data: page.map((a) => ({
            object: 'organization.project.service_account',
            id: a.id,
            name: a.name,
            role: 'member',
            created_at: a.createdAt,
          })),
          first_id: page[0]?.id ?? null,
          last_id: page.at(-1)?.id ?? null,
          has_more: start + limit < inProject.length,
        },
      };
    }
    if (request.method === 'DELETE' && accountId !== undefined) {
      const account = this.#accounts.find((a) => a.id === accountId && a.projectId === projectId);
      if (account === undefined) return error(404, `No such service account: ${accountId}`, 'invalid_request_error', null);
      this.#accounts.splice(this.#accounts.indexOf(account), 1);
      return { status: 200, json: { object: 'organization.project.service_account.deleted', id: account.id, deleted: true } };
    }
    return error(404, 'Not found', 'invalid_request_error', null);
  }
}
