import { DEFAULT_TIMEOUT_MS } from './adapter.js';
import type { AdapterContext } from './adapter.js';
import { joinUrl } from './base-url.js';
import type { ProviderErrorKind } from './errors.js';
import { ProviderApiError, parseRetryAfter, safeProviderCode } from './errors.js';

/** Who is calling what, so a failure can say so; `secrets` are scrubbed from anything echoed back. */
export interface CallSite {
  readonly provider: string;
  readonly operation: string;
  readonly secrets: readonly string[];
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  /** parsed JSON, or null when the body is empty or not JSON */
  readonly body: unknown;
}

/** An API answer is small; a body larger than this is not one of the documented shapes. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * One request to the provider with the global fetch. Redirects are not followed: fetch would
 * carry custom auth headers (PRIVATE-TOKEN, X-Api-Key) to wherever the redirect points.
 */
export async function send(ctx: AdapterContext, site: CallSite, request: HttpRequest): Promise<HttpResponse> {
  const timeoutMs = ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = ctx.signal === undefined ? timeout : AbortSignal.any([ctx.signal, timeout]);
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'Rekey', ...request.headers };
  let body: string | null = null;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  }
  let response: Response;
  try {
    response = await fetch(joinUrl(ctx.baseUrl, request.path, request.query), {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      signal,
    });
  } catch {
    // the error of a failed fetch is not passed on: its cause may quote the request
    throw transportError(ctx, site, timeout.aborted, timeoutMs);
  }
  let text: string;
  try {
    text = await readCapped(response);
  } catch {
    throw transportError(ctx, site, timeout.aborted, timeoutMs);
  }
  if (response.status >= 300 && response.status < 400) {
    throw new ProviderApiError({
      ...siteOf(site),
      kind: 'invalid-response',
      status: response.status,
      hint: 'the API answered with a redirect; set the API base URL to the address it redirects to',
    });
  }
  return { status: response.status, headers: response.headers, body: parseJson(text) };
}

function transportError(ctx: AdapterContext, site: CallSite, timedOut: boolean, timeoutMs: number): ProviderApiError {
  if (ctx.signal?.aborted === true) return new ProviderApiError({ ...siteOf(site), kind: 'aborted' });
  const hint = timedOut
    ? `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`
    : `no connection to ${ctx.baseUrl.host} (offline, wrong API base URL, or the service is down)`;
  return new ProviderApiError({ ...siteOf(site), kind: 'unreachable', hint });
}

async function readCapped(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) {
    await response.body?.cancel();
    return '';
  }
  const buffer = await response.arrayBuffer();
  return buffer.byteLength > MAX_BODY_BYTES ? '' : new TextDecoder().decode(buffer);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function siteOf(site: CallSite): { provider: string; operation: string } {
  return { provider: site.provider, operation: site.operation };
}

export function kindOfStatus(status: number): ProviderErrorKind {
  if (status === 401) return 'unauthorised';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'provider-failure';
  return 'rejected';
}

export interface ErrorOverrides {
  readonly kind?: ProviderErrorKind;
  /** the provider's error code, read from its documented error shape; checked by safeProviderCode */
  readonly code?: unknown;
  readonly hint?: string;
}

/** The typed error for a response that is not the success the caller expected. */
export function errorFromResponse(site: CallSite, response: HttpResponse, overrides: ErrorOverrides = {}): ProviderApiError {
  const kind = overrides.kind ?? kindOfStatus(response.status);
  const retryAfter = kind === 'rate-limited' || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
  return new ProviderApiError({
    ...siteOf(site),
    kind,
    status: response.status,
    providerCode: safeProviderCode(overrides.code, site.secrets),
    retryAfterSeconds: retryAfter,
    hint: overrides.hint,
  });
}

/** A success whose body is not the documented shape. */
export function invalidResponse(site: CallSite, status: number, what: string): ProviderApiError {
  return new ProviderApiError({ ...siteOf(site), kind: 'invalid-response', status, hint: `expected ${what}` });
}

/** Reading a documented JSON shape without trusting it. */
export function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[name] : undefined;
}

export function stringField(body: unknown, name: string): string | undefined {
  const value = field(body, name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function idField(body: unknown, name: string): string | undefined {
  const value = field(body, name);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function dateField(body: unknown, name: string): Date | undefined {
  const value = field(body, name);
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
