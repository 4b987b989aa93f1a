import { inspect } from 'node:util';

/**
 * A secret exactly as the provider issues it. Most are one token; an AWS access key is an id
 * *and* a secret that only work together, so both parts live in one object and are minted,
 * stored, exported and revoked together.
 */
export type CredentialParts =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'aws-access-key'; readonly accessKeyId: string; readonly secretAccessKey: string };

export type CredentialKind = CredentialParts['kind'];

const REDACTED = '[redacted]';

/**
 * The value is reachable only through reveal(), so that a credential that ends up in a log line,
 * a JSON body built by mistake or an error's inspected properties prints as "[redacted]".
 */
export class Credential {
  readonly #parts: CredentialParts;

  private constructor(parts: CredentialParts) {
    this.#parts = parts;
  }

  static token(token: string): Credential {
    if (token.length === 0) throw new TypeError('a token credential needs a value');
    return new Credential({ kind: 'token', token });
  }

  static awsAccessKey(accessKeyId: string, secretAccessKey: string): Credential {
    if (accessKeyId.length === 0 || secretAccessKey.length === 0) {
      throw new TypeError('an AWS access key needs both its access key id and its secret access key');
    }
    return new Credential({ kind: 'aws-access-key', accessKeyId, secretAccessKey });
  }

  get kind(): CredentialKind {
    return this.#parts.kind;
  }

  /** The parts themselves: only for the code that sends them to the provider or stores them. */
  reveal(): CredentialParts {
    return this.#parts;
  }

  /** Every part, for scrubbing anything a provider echoes back before it reaches a message. */
  secretValues(): readonly string[] {
    const parts = this.#parts;
    return parts.kind === 'token' ? [parts.token] : [parts.accessKeyId, parts.secretAccessKey];
  }

  toJSON(): { kind: CredentialKind; value: string } {
    return { kind: this.kind, value: REDACTED };
  }

  toString(): string {
    return `Credential(${this.kind}, ${REDACTED})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/** The token of a single-part credential; a clear error (without the value) for any other kind. */
export function tokenOf(credential: Credential, provider: string): string {
  const parts = credential.reveal();
  if (parts.kind !== 'token') throw new TypeError(`${provider} takes a single token, not a ${parts.kind} credential`);
  return parts.token;
}
