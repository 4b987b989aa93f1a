import { createHash, createHmac, randomUUID } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { StandinRequest, StandinResponse } from './standin-server.js';
import { Standin, randomToken } from './standin-server.js';

/**
 * AWS IAM (access keys) and STS (GetCallerIdentity) on one address, stateful, from the IAM and STS
 * API references (Query protocol: form-encoded POST, XML answers, the ErrorResponse shape):
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html (and Update/Delete/List)
 *   https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html  (2 access keys per user)
 * Every request must be SigV4-signed by a live key it minted, with that key's secret: the
 * signature is recomputed with the SDK's own signer, so a wrong secret part is refused
 * (SignatureDoesNotMatch) as AWS refuses it. An inactive or deleted key gets InvalidClientTokenId.
 * New keys can be made to work only after a delay, as IAM's eventual consistency does.
 */
const ACCOUNT = '123456789012';
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

interface AccessKey {
  readonly id: string;
  readonly secret: string;
  readonly userName: string;
  readonly createdAt: Date;
  status: 'Active' | 'Inactive';
}

interface User {
  readonly name: string;
  readonly userId: string;
}

/** node:crypto behind the hash interface SignatureV4 takes (HMAC when given a key). */
class NodeSha256 {
  readonly #hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.#hash.update(toBuffer(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#hash.digest()));
  }
}

function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export class AwsStandin extends Standin {
  readonly #users = new Map<string, User>();
  readonly #keys: AccessKey[] = [];
  /** how long a new key is refused before it works (IAM's propagation) */
  newKeysWorkAfterMs = 0;

  /** An IAM user with one active key, as created in the console: returns the key's two parts. */
  createUser(name: string): { accessKeyId: string; secretAccessKey: string } {
    this.#users.set(name, { name, userId: `AIDA${randomToken(17, BASE32)}` });
    const key = this.addKey(name, new Date(0));
    return { accessKeyId: key.id, secretAccessKey: key.secret };
  }

  /** The user's keys as IAM holds them (deleted ones are gone). */
  keysOf(userName: string): readonly { id: string; status: string }[] {
    return this.#keys.filter((k) => k.userName === userName).map((k) => ({ id: k.id, status: k.status }));
  }

  private addKey(userName: string, createdAt = new Date()): AccessKey {
    const key: AccessKey = {
      id: `AKIA${randomToken(16, BASE32)}`,
      secret: randomToken(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'),
      userName,
      createdAt,
      status: 'Active',
    };
    this.#keys.push(key);
    return key;
  }

  private async authenticate(request: StandinRequest, service: 'iam' | 'sts'): Promise<AccessKey | StandinResponse> {
    const header = request.headers.authorization ?? '';
    const match =
      /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
        header,
      );
    const ns = service === 'iam' ? IAM_NS : STS_NS;
    if (match === null) return this.error(ns, 400, 'IncompleteSignature', 'Authorization header requires a valid SigV4 signature.');
    const [, keyId, , region, signedService, signedHeaders, signature] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const key = this.#keys.find((k) => k.id === keyId);
    const propagating = key !== undefined && Date.now() - key.createdAt.getTime() < this.newKeysWorkAfterMs;
    if (key === undefined || key.status !== 'Active' || propagating) {
      return this.error(ns, 403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    }
    const names = signedHeaders.split(';');
    const headers: Record<string, string> = {};
    for (const name of names) {
      const value = request.headers[name];
      headers[name] = Array.isArray(value) ? value.join(',') : (value ?? '');
    }
    const amzDate = headers['x-amz-date'] ?? '';
    const signingDate = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    const signer = new SignatureV4({
      credentials: { accessKeyId: key.id, secretAccessKey: key.secret },
      region,
      service: signedService,
      sha256: NodeSha256,
    });
    const expected = await signer.sign(
      {
        method: request.method,
        protocol: 'http:',
        hostname: request.url.hostname,
        port: Number(request.url.port),
        path: request.url.pathname,
        query: Object.fromEntries(request.url.searchParams),
        headers,
        body: request.body,
      },
      { signingDate, signableHeaders: new Set(names), signingRegion: region, signingService: signedService },
    );
    const recomputed = /Signature=([0-9a-f]{64})/.exec(expected.headers['authorization'] ?? '')?.[1];
    if (recomputed !== signature) {
      return this.error(ns, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    }
    return key;
  }

  protected async handle(request: StandinRequest): Promise<StandinResponse> {
    const form = new URLSearchParams(request.body);
    const action = form.get('Action') ?? '';
    const service = form.get('Version') === '2011-06-15' ? 'sts' : 'iam';
    if (request.method !== 'POST') return this.error(IAM_NS, 400, 'InvalidAction', 'Only POST is served.');
    const caller = await this.authenticate(request, service);
    if (!('secret' in caller)) return caller;
    const user = this.#users.get(caller.userName);
    if (user === undefined) return this.error(IAM_NS, 404, 'NoSuchEntity', 'The user cannot be found.');
    if (service === 'sts' && action === 'GetCallerIdentity') {
      return this.ok(
        STS_NS,
        action,
        `<Arn>arn:aws:iam::${ACCOUNT}:user/${xmlEscape(user.name)}</Arn><UserId>${user.userId}</UserId><Account>${ACCOUNT}</Account>`,
      );
    }
    const userName = form.get('UserName') ?? user.name;
    if (userName !== user.name)
      return this.error(IAM_NS, 403, 'AccessDenied', 'User is not authorized to perform this action on another user.');
    const own = this.#keys.filter((k) => k.userName === userName);
    switch (action) {
      case 'CreateAccessKey': {
        if (own.length >= 2) return this.error(IAM_NS, 409, 'LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2');
        const key = this.addKey(userName);
        return this.ok(
          IAM_NS,
          action,
          `<AccessKey><UserName>${xmlEscape(userName)}</UserName><AccessKeyId>${key.id}</AccessKeyId><Status>Active</Status>` +
            `<SecretAccessKey>${xmlEscape(key.secret)}</SecretAccessKey><CreateDate>${key.createdAt.toISOString()}</CreateDate></AccessKey>`,
        );
      }
      case 'UpdateAccessKey':
      case 'DeleteAccessKey': {
        const target = own.find((k) => k.id === form.get('AccessKeyId'));
        if (target === undefined)
          return this.error(IAM_NS, 404, 'NoSuchEntity', `The Access Key with id ${form.get('AccessKeyId') ?? ''} cannot be found.`);
        if (action === 'DeleteAccessKey') this.#keys.splice(this.#keys.indexOf(target), 1);
        else {
          const status = form.get('Status');
          if (status !== 'Active' && status !== 'Inactive')
            return this.error(IAM_NS, 400, 'ValidationError', 'Status must be Active or Inactive.');
          target.status = status;
        }
        return this.ok(IAM_NS, action, null);
      }
      case 'ListAccessKeys': {
        const members = own
          .map(
            (k) =>
              `<member><UserName>${xmlEscape(k.userName)}</UserName><AccessKeyId>${k.id}</AccessKeyId><Status>${k.status}</Status><CreateDate>${k.createdAt.toISOString()}</CreateDate></member>`,
          )
          .join('');
        return this.ok(
          IAM_NS,
          action,
          `<UserName>${xmlEscape(userName)}</UserName><AccessKeyMetadata>${members}</AccessKeyMetadata><IsTruncated>false</IsTruncated>`,
        );
      }
      default:
        return this.error(IAM_NS, 400, 'InvalidAction', 'The action is not valid for this web service.');
    }
  }

  private ok(ns: string, action: string, result: string | null): StandinResponse {
    const body = result === null ? '' : `<${action}Result>${result}</${action}Result>`;
    return {
      status: 200,
      headers: { 'content-type': 'text/xml' },
      text: `<${action}Response xmlns="${ns}">${body}<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
    };
  }

  private error(ns: string, status: number, code: string, message: string): StandinResponse {
    const type = status >= 500 ? 'Receiver' : 'Sender';
    return {
      status,
      headers: { 'content-type': 'text/xml' },
      text: `<ErrorResponse xmlns="${ns}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
    };
  }
}
