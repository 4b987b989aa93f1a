import type { StandinRequest, StandinResponse } from './standin-server.js';
import { Standin, randomToken } from './standin-server.js';

/**
 * GitLab's personal access tokens API, stateful, from https://docs.gitlab.com/api/personal_access_tokens/:
 * a rotated token is revoked at once; rotating an already-revoked token revokes the whole family
 * (the reuse detection of https://gitlab.com/gitlab-org/gitlab/-/issues/524639); a token needs
 * the api or self_rotate scope to rotate itself; revoked or expired tokens get GitLab's 401.
 */
interface TokenRecord {
  readonly id: number;
  readonly userId: number;
  readonly name: string;
  readonly value: string;
  readonly scopes: readonly string[];
  readonly createdAt: Date;
  readonly expiresAt: string | null;
  readonly family: number;
  revoked: boolean;
}

const UNAUTHORIZED: StandinResponse = { status: 401, json: { message: '401 Unauthorized' } };
const REVOKED: StandinResponse = {
  status: 401,
  json: { error: 'invalid_token', error_description: 'Token was revoked. You have to re-authorize from the user.' },
};
const EXPIRED: StandinResponse = { status: 401, json: { error: 'invalid_token', error_description: 'Token has expired.' } };
const NOT_FOUND: StandinResponse = { status: 404, json: { message: '404 Not found' } };

export class GitLabStandin extends Standin {
  readonly #tokens: TokenRecord[] = [];
  #nextId = 100;

  /** A token as the user would create it in GitLab's settings. */
  issueToken(options: { scopes?: readonly string[]; userId?: number; expiresAt?: string | null } = {}): string {
    return this.create(options.userId ?? 1, 'rekey-test', options.scopes ?? ['api'], options.expiresAt ?? '2099-12-31', null).value;
  }

  /** The tokens GitLab would accept right now. */
  liveTokens(userId = 1): readonly string[] {
    return this.#tokens.filter((t) => t.userId === userId && this.problemWith(t) === null).map((t) => t.value);
  }

  private create(userId: number, name: string, scopes: readonly string[], expiresAt: string | null, family: number | null): TokenRecord {
    const id = this.#nextId++;
    const record: TokenRecord = {
      id,
      userId,
      name,
      value: `glpat-${randomToken(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`,
      scopes,
      createdAt: new Date(),
      expiresAt,
      family: family ?? id,
      revoked: false,
    };
    this.#tokens.push(record);
    return record;
  }

  private problemWith(token: TokenRecord): StandinResponse | null {
    if (token.revoked) return REVOKED;
    if (token.expiresAt !== null && token.expiresAt < new Date().toISOString().slice(0, 10)) return EXPIRED;
    return null;
  }

  protected handle(request: StandinRequest): StandinResponse {
    const header = request.headers['private-token'];
    const presented = typeof header === 'string' ? header : undefined;
    const token = this.#tokens.find((t) => t.value === presented);
    if (token === undefined) return UNAUTHORIZED;
    const path = request.url.pathname;
    const problem = this.problemWith(token);
    if (problem !== null) {
      if (path === '/api/v4/personal_access_tokens/self/rotate' && token.revoked) this.revokeFamily(token.family);
      return problem;
    }
    if (request.method === 'POST' && path === '/api/v4/personal_access_tokens/self/rotate') return this.rotate(token, request.body);
    if (request.method === 'GET' && path === '/api/v4/personal_access_tokens/self') return { status: 200, json: this.view(token) };
    if (request.method === 'DELETE' && path === '/api/v4/personal_access_tokens/self') {
      token.revoked = true;
      return { status: 204 };
    }
    if (request.method === 'GET' && path === '/api/v4/personal_access_tokens') {
      return { status: 200, json: this.#tokens.filter((t) => t.userId === token.userId).map((t) => this.view(t)) };
    }
    const byId = /^\/api\/v4\/personal_access_tokens\/(\d+)$/.exec(path);
    if (request.method === 'DELETE' && byId !== null) {
      const target = this.#tokens.find((t) => t.id === Number(byId[1]) && t.userId === token.userId && !t.revoked);
      if (target === undefined) return NOT_FOUND;
      target.revoked = true;
      return { status: 204 };
    }
    return NOT_FOUND;
  }

  private rotate(token: TokenRecord, body: string): StandinResponse {
    if (!token.scopes.includes('api') && !token.scopes.includes('self_rotate')) {
      return {
        status: 403,
        json: {
          error: 'insufficient_scope',
          error_description: 'The request requires higher privileges than provided by the access token.',
          scope: 'api self_rotate',
        },
      };
    }
    let expiresAt: string = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    if (body !== '') {
      const requested = (JSON.parse(body) as { expires_at?: unknown }).expires_at;
      if (requested !== undefined) {
        if (typeof requested !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(requested))
          return { status: 400, json: { message: 'expires_at is invalid' } };
        expiresAt = requested;
      }
    }
    token.revoked = true;
    const next = this.create(token.userId, token.name, token.scopes, expiresAt, token.family);
    return { status: 200, json: { ...this.view(next), token: next.value } };
  }

  private revokeFamily(family: number): void {
    for (const t of this.#tokens) if (t.family === family) t.revoked = true;
  }

  private view(t: TokenRecord): Record<string, unknown> {
    return {
      id: t.id,
      name: t.name,
      revoked: t.revoked,
      created_at: t.createdAt.toISOString(),
      description: null,
      scopes: t.scopes,
      user_id: t.userId,
      last_used_at: null,
      active: this.problemWith(t) === null,
      expires_at: t.expiresAt,
    };
  }
}
