import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The HTTP plumbing shared by the providers' stand-ins: node:http on 127.0.0.1, an ephemeral
 * port, and faults a test can ask for. Each provider's file holds its state and its routes,
 * written from the provider's API reference.
 */
export interface StandinRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface StandinResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  readonly text?: string;
}

export type Fault =
  /** the provider answers with this status (and body) instead of serving the request */
  | { readonly kind: 'status'; readonly status: number; readonly json?: unknown; readonly headers?: Readonly<Record<string, string>> }
  /** the connection is dropped without an answer */
  | { readonly kind: 'reset' }
  /** no answer at all, until the client gives up */
  | { readonly kind: 'hang' };

export type Handler = (request: StandinRequest) => StandinResponse | Promise<StandinResponse>;

export class StandinServer {
  readonly #faults: Fault[] = [];
  readonly #hanging = new Set<ServerResponse>();
  /** method and path of every request served, for tests that check what was (not) called */
  readonly calls: string[] = [];

  private readonly server: ReturnType<typeof createServer>;
  #url = '';

  private constructor(handler: Handler) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => void this.serve(req, res, Buffer.concat(chunks).toString('utf8'), handler));
    });
  }

  static async start(handler: Handler): Promise<StandinServer> {
    const standin = new StandinServer(handler);
    await new Promise<void>((resolve) => standin.server.listen(0, '127.0.0.1', resolve));
    const { port } = standin.server.address() as AddressInfo;
    standin.#url = `http://127.0.0.1:${port}`;
    return standin;
  }

  get url(): string {
    return this.#url;
  }

  /** The next `times` requests meet this fault instead of the API. */
  failNext(fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.#faults.push(fault);
  }

  async close(): Promise<void> {
    for (const res of this.#hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse, body: string, handler: Handler): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    this.calls.push(`${req.method ?? ''} ${url.pathname}`);
    const fault = this.#faults.shift();
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') {
      this.#hanging.add(res);
      return;
    }
    let answer: StandinResponse;
    try {
      answer =
        fault?.kind === 'status'
          ? { status: fault.status, json: fault.json ?? null, headers: fault.headers ?? {} }
          : await handler({ method: req.method ?? 'GET', url, headers: req.headers, body });
    } catch (error) {
      answer = { status: 500, text: `stand-in bug: ${String(error)}` };
    }
    const headers: Record<string, string> = { ...answer.headers };
    let payload = answer.text ?? '';
    if (answer.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = answer.json === null ? '' : JSON.stringify(answer.json);
    }
    res.writeHead(answer.status, headers);
    res.end(payload);
  }
}

/** A value that looks like the provider's and is unique: `alphabet` characters from random bytes. */
export function randomToken(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
