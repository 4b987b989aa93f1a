/**
 * What went wrong at a provider, in terms the rotation can act on. A message names the provider,
 * the operation, the HTTP status and the provider's own error code: never a request body, a
 * response body or a key (the provider's free-text message is left out as it may echo input).
 */
export type ProviderErrorKind =
  /** the credential was refused: wrong, expired, revoked or deactivated */
  | 'unauthorised'
  /** the credential is valid but lacks the permission or scope for this call */
  | 'forbidden'
  /** too many requests; retryAfterSeconds says when to try again when the provider said so */
  | 'rate-limited'
  /** a quota of the provider, such as AWS's two access keys per user */
  | 'limit-reached'
  | 'not-found'
  /** no answer: DNS, connection refused or reset, TLS, timeout */
  | 'unreachable'
  /** the provider refused the request itself (a 4xx other than the above) */
  | 'rejected'
  /** a 5xx: the provider failed */
  | 'provider-failure'
  /** an answer we cannot use: not the documented shape, or a redirect */
  | 'invalid-response'
  /** our caller cancelled */
  | 'aborted';

export interface ProviderErrorDetails {
  readonly provider: string;
  readonly operation: string;
  readonly kind: ProviderErrorKind;
  readonly status?: number | undefined;
  readonly providerCode?: string | undefined;
  readonly retryAfterSeconds?: number | undefined;
  /** a fixed hint written by the adapter (never text from the provider) */
  readonly hint?: string | undefined;
}

const KIND_TEXT: Record<ProviderErrorKind, string> = {
  unauthorised: 'refused the credential (wrong, expired or revoked)',
  forbidden: 'denied the request: the credential lacks the permission or scope for it',
  'rate-limited': 'is rate-limiting requests',
  'limit-reached': 'refused: a limit of the account is reached',
  'not-found': 'does not know the key or resource',
  unreachable: 'could not be reached',
  rejected: 'rejected the request',
  'provider-failure': 'failed on its side',
  'invalid-response': 'answered in a way Rekey does not understand',
  aborted: 'request was cancelled',
};

export class ProviderApiError extends Error {
  override readonly name = 'ProviderApiError';
  readonly provider: string;
  readonly operation: string;
  readonly kind: ProviderErrorKind;
  readonly status: number | null;
  readonly providerCode: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(details: ProviderErrorDetails) {
    super(describe(details));
    this.provider = details.provider;
    this.operation = details.operation;
    this.kind = details.kind;
    this.status = details.status ?? null;
    this.providerCode = details.providerCode ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
  }
}

export function isProviderApiError(error: unknown): error is ProviderApiError {
  return error instanceof ProviderApiError;
}

function describe(d: ProviderErrorDetails): string {
  const facts: string[] = [];
  if (d.status !== undefined) facts.push(`HTTP ${d.status}`);
  if (d.providerCode !== undefined) facts.push(d.providerCode);
  let text = `${d.provider} ${KIND_TEXT[d.kind]} while ${d.operation}`;
  if (facts.length > 0) text += ` (${facts.join(', ')})`;
  if (d.kind === 'rate-limited' && d.retryAfterSeconds !== undefined) text += `; try again in ${d.retryAfterSeconds} s`;
  if (d.hint !== undefined) text += `: ${d.hint}`;
  return `${text}.`;
}

/**
 * A provider's error code is kept only when it looks like an identifier and is none of the
 * secrets in play: a provider that echoed a key into its error code must not put it in our message.
 */
export function safeProviderCode(code: unknown, secrets: readonly string[]): string | undefined {
  if (typeof code !== 'string' && typeof code !== 'number') return undefined;
  const text = String(code);
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(text)) return undefined;
  const echoesSecret = secrets.some((secret) => text.includes(secret) || (text.length >= 8 && secret.includes(text)));
  return echoesSecret ? undefined : text;
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: Date = new Date()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
