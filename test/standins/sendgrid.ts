import type { StandinRequest, StandinResponse } from './standin-server.js';
import { StandinServer, randomToken } from './standin-server.js';

/**
 * SendGrid's API keys API, stateful, from https://www.twilio.com/docs/sendgrid/api-reference/api-keys :
 * keys read SG.<22-character id>.<43-character secret>; a deleted or unknown key gets 401
 * {"errors": [{"field": null, "message": "authorization required"}]}; managing keys needs the
 * api_keys.* scopes (else 403 "access forbidden"); the account holds at most 100 keys (403).
 */
interface KeyRecord {
  readonly id: string;
  readonly value: string;
  readonly name: string;
  readonly scopes: readonly string[];
}

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MANAGE_SCOPES = ['api_keys.create', 'api_keys.read', 'api_keys.update', 'api_keys.delete'];

function errors(status: number, message: string, fieldName: string | null = null): StandinResponse {
  return { status, json: { errors: [{ field: fieldName, message }] } };
}

export class SendGridStandin {
  readonly #keys: KeyRecord[] = [];
  #server: StandinServer | undefined;
  maxKeys = 100;

  static async start(): Promise<SendGridStandin> {
    const standin = new SendGridStandin();
    standin.#server = await StandinServer.start((request) => standin.handle(request));
    return standin;
  }

  get server(): StandinServer {
    if (this.#server === undefined) throw new Error('stand-in not started');
    return this.#server;
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  issueKey(name: string, scopes: readonly string[]): { id: string; value: string } {
    const record = this.create(name, scopes);
    return { id: record.id, value: record.value };
  }

  /** A management key, as made in SendGrid's app with the "API Keys" permission. */
  issueManagementKey(): { id: string; value: string } {
    return this.issueKey('key manager', MANAGE_SCOPES);
  }

  works(value: string): boolean {
    return this.#keys.some((k) => k.value === value);
  }

  scopesOf(id: string): readonly string[] | undefined {
    return this.#keys.find((k) => k.id === id)?.scopes;
  }

  private create(name: string, scopes: readonly string[]): KeyRecord {
    const id = randomToken(22, URL_SAFE);
    const record = { id, value: `SG.${id}.${randomToken(43, URL_SAFE)}`, name, scopes };
    this.#keys.push(record);
    return record;
  }

  private handle(request: StandinRequest): StandinResponse {
    const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const caller = this.#keys.find((k) => k.value === presented);
    if (caller === undefined) return errors(401, 'authorization required');
    const path = request.url.pathname;
    const may = (scope: string): boolean => caller.scopes.includes(scope);
    if (request.method === 'GET' && path === '/v3/scopes') return { status: 200, json: { scopes: caller.scopes } };
    if (request.method === 'GET' && path === '/v3/api_keys') {
      if (!may('api_keys.read')) return errors(403, 'access forbidden');
      return { status: 200, json: { result: this.#keys.map((k) => ({ name: k.name, api_key_id: k.id })) } };
    }
    if (request.method === 'POST' && path === '/v3/api_keys') {
      if (!may('api_keys.create')) return errors(403, 'access forbidden');
      const body = JSON.parse(request.body || '{}') as { name?: unknown; scopes?: unknown };
      if (typeof body.name !== 'string' || body.name === '') return errors(400, 'missing required argument', 'name');
      if (this.#keys.length >= this.maxKeys) return errors(403, 'Cannot create more than 100 API keys');
      const scopes = Array.isArray(body.scopes) ? (body.scopes as string[]) : ['mail.send', ...MANAGE_SCOPES];
      const record = this.create(body.name, scopes);
      return { status: 201, json: { api_key: record.value, api_key_id: record.id, name: record.name, scopes: record.scopes } };
    }
    const one = /^\/v3\/api_keys\/([A-Za-z0-9_-]+)$/.exec(path);
    const target = this.#keys.find((k) => k.id === one?.[1]);
    if (one !== null && request.method === 'GET') {
      if (!may('api_keys.read')) return errors(403, 'access forbidden');
      if (target === undefined) return errors(404, 'unable to find API Key');
      return { status: 200, json: { result: [{ name: target.name, api_key_id: target.id, scopes: target.scopes }] } };
    }
    if (one !== null && request.method === 'DELETE') {
      if (!may('api_keys.delete')) return errors(403, 'access forbidden');
      if (target === undefined) return errors(404, 'unable to find API Key');
      this.#keys.splice(this.#keys.indexOf(target), 1);
      return { status: 204 };
    }
    return errors(404, 'not found');
  }
}
