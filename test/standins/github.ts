import type { StandinRequest, StandinResponse } from './standin-server.js';
import { Standin, randomToken } from './standin-server.js';

/**
 * GitHub's credential revocation endpoint and GET /user, stateful, from
 * https://docs.github.com/en/rest/credentials/revoke?apiVersion=2022-11-28 and
 * https://docs.github.com/en/rest/users/users#get-the-authenticated-user:
 * revoked tokens get "Bad credentials" (401); an authenticated revocation request gets 403;
 * an empty or malformed list, or more than 1000 tokens, gets 422; after 60 requests from one
 * address the rate limit answers 403 with x-ratelimit-remaining: 0. Unknown tokens are accepted
 * silently (202), as GitHub does not say which tokens existed.
 */
const DOCS = 'https://docs.github.com/rest';

export class GitHubStandin extends Standin {
  readonly #live = new Set<string>();
  #revocationRequests = 0;
  revocationLimitPerHour = 60;

  issueToken(kind: 'classic' | 'fine-grained' = 'classic'): string {
    const token = kind === 'classic' ? `ghp_${randomToken(36)}` : `github_pat_${randomToken(22)}_${randomToken(59)}`;
    this.#live.add(token);
    return token;
  }

  isLive(token: string): boolean {
    return this.#live.has(token);
  }

  protected handle(request: StandinRequest): StandinResponse {
    const path = request.url.pathname;
    if (request.method === 'GET' && path === '/user') {
      const token = /^(?:Bearer|token) (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (token === undefined || !this.#live.has(token))
        return { status: 401, json: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
      return { status: 200, json: { login: 'octocat', id: 1, type: 'User' } };
    }
    if (request.method === 'POST' && path === '/credentials/revoke') return this.revoke(request);
    return { status: 404, json: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
  }

  private revoke(request: StandinRequest): StandinResponse {
    this.#revocationRequests++;
    if (this.#revocationRequests > this.revocationLimitPerHour) {
      return {
        status: 403,
        headers: {
          'x-ratelimit-limit': String(this.revocationLimitPerHour),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        },
        json: { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: DOCS, status: '403' },
      };
    }
    if (request.headers.authorization !== undefined) {
      return {
        status: 403,
        json: { message: 'This endpoint does not accept authenticated requests.', documentation_url: DOCS, status: '403' },
      };
    }
    let credentials: unknown;
    try {
      credentials = (JSON.parse(request.body) as { credentials?: unknown }).credentials;
    } catch {
      credentials = undefined;
    }
    const valid =
      Array.isArray(credentials) && credentials.length > 0 && credentials.length <= 1000 && credentials.every((c) => typeof c === 'string');
    if (!valid) {
      return {
        status: 422,
        json: {
          message: 'Validation Failed',
          errors: [{ resource: 'Credentials', field: 'credentials', code: 'invalid' }],
          documentation_url: DOCS,
          status: '422',
        },
      };
    }
    for (const token of credentials as string[]) this.#live.delete(token);
    return { status: 202, json: {} };
  }
}
