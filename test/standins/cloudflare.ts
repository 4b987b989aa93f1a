import { randomBytes } from 'node:crypto';
import type { StandinRequest, StandinResponse } from './standin-server.js';
import { Standin, randomToken } from './standin-server.js';

/**
 * Cloudflare's user API tokens, stateful, from
 * https://developers.cloudflare.com/api/resources/user/subresources/tokens/ : rolling gives the
 * token a new value and the old value stops working at once; only a token with "API Tokens
 * Write" may roll, delete or list tokens (others get 403, code 9109); an unknown, rolled or
 * deleted value gets 401 (code 1000, "Invalid API Token"). Answers use Cloudflare's envelope
 * {success, errors, messages, result}. Served under /client/v4 as the real API is.
 */
interface TokenRecord {
  readonly id: string;
  readonly name: string;
  value: string;
  readonly canManageTokens: boolean;
  readonly issuedOn: string;
}

const PREFIX = '/client/v4/user/tokens';

function envelope(status: number, result: unknown, errors: { code: number; message: string }[] = []): StandinResponse {
  return { status, json: { success: errors.length === 0, errors, messages: [], result } };
}

const INVALID = envelope(401, null, [{ code: 1000, message: 'Invalid API Token' }]);
const NOT_ALLOWED = envelope(403, null, [{ code: 9109, message: 'Unauthorized to access requested resource' }]);

export class CloudflareStandin extends Standin {
  readonly #tokens: TokenRecord[] = [];

  /** The API base URL, /client/v4 included. */
  get baseUrl(): string {
    return `${this.server.url}/client/v4`;
  }

  issueToken(name: string, options: { canManageTokens?: boolean } = {}): { id: string; value: string } {
    const record: TokenRecord = {
      id: randomBytes(16).toString('hex'),
      name,
      value: randomToken(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'),
      canManageTokens: options.canManageTokens ?? false,
      issuedOn: new Date().toISOString(),
    };
    this.#tokens.push(record);
    return { id: record.id, value: record.value };
  }

  works(value: string): boolean {
    return this.#tokens.some((t) => t.value === value);
  }

  tokenIds(): readonly string[] {
    return this.#tokens.map((t) => t.id);
  }

  protected handle(request: StandinRequest): StandinResponse {
    const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const caller = this.#tokens.find((t) => t.value === presented);
    if (caller === undefined) return INVALID;
    const path = request.url.pathname;
    if (request.method === 'GET' && path === `${PREFIX}/verify`) {
      return envelope(200, { id: caller.id, status: 'active' }, []);
    }
    if (!caller.canManageTokens) return NOT_ALLOWED;
    if (request.method === 'GET' && path === PREFIX) {
      const perPage = Number(request.url.searchParams.get('per_page') ?? '20');
      const page = Number(request.url.searchParams.get('page') ?? '1');
      const slice = this.#tokens.slice((page - 1) * perPage, page * perPage);
      return {
        status: 200,
        json: {
          success: true,
          errors: [],
          messages: [],
          result: slice.map((t) => ({ id: t.id, name: t.name, status: 'active', issued_on: t.issuedOn, modified_on: t.issuedOn })),
          result_info: {
            page,
            per_page: perPage,
            count: slice.length,
            total_count: this.#tokens.length,
            total_pages: Math.max(1, Math.ceil(this.#tokens.length / perPage)),
          },
        },
      };
    }
    const roll = /^\/client\/v4\/user\/tokens\/([0-9a-f]{32})\/value$/.exec(path);
    const one = /^\/client\/v4\/user\/tokens\/([0-9a-f]{32})$/.exec(path);
    const target = this.#tokens.find((t) => t.id === (roll ?? one)?.[1]);
    if ((roll !== null || one !== null) && target === undefined) {
      return envelope(404, null, [{ code: 7003, message: 'Could not route to /user/tokens, perhaps your object identifier is invalid?' }]);
    }
    if (request.method === 'PUT' && roll !== null && target !== undefined) {
      target.value = randomToken(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
      return envelope(200, target.value);
    }
    if (request.method === 'DELETE' && one !== null && target !== undefined) {
      this.#tokens.splice(this.#tokens.indexOf(target), 1);
      return envelope(200, { id: target.id });
    }
    return envelope(404, null, [{ code: 7000, message: 'No route for that URI' }]);
  }
}
