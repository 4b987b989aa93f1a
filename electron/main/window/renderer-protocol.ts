import { promises as fs } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { parseUrl, originOf } from './app-origin.js';

/**
 * docs/architecture.md §6: the handler behind app://rekey/ (protocol.handle in main.ts). It serves the
 * files under the built renderer folder and nothing else. Plain code on purpose: the unit tests
 * call it directly, and the e2e harness and the window bench serve their page through this same
 * function (test/e2e/support/app-protocol-route.ts).
 */

/** What the handler reads of a request: Electron passes a fetch Request, the harness a stand-in. */
export interface RendererRequest {
  readonly url: string;
  readonly method: string;
}

export type RendererHandler = (request: RendererRequest) => Promise<Response>;

/** The file-system calls the handler makes; in Electron, fs.promises also reads inside app.asar. */
export interface RendererFiles {
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<{ isFile(): boolean }>;
  readFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
}

export interface RendererProtocolOptions {
  /** The built renderer folder (dist/renderer). */
  readonly root: string;
  /** The only origin served, e.g. app://rekey. */
  readonly origin: string;
  readonly contentSecurityPolicy: string;
  /** Told of each refused request (the URL and why); main writes it to stderr. */
  readonly onRefused?: (url: string, reason: string) => void;
  /** Default: node:fs's promises, looked up at call time (Electron patches them for asar). */
  readonly files?: RendererFiles;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file name; anything unknown is inert bytes (nosniff keeps it so). */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** The names Vite gives built files (index-nqrX5mmG.js, de-AT-BVRutEpv.js): no dot first. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export type RequestedPath = { readonly segments: readonly string[] } | { readonly status: 400 | 403; readonly reason: string };

/**
 * The path segments a request asks for under the renderer folder, or why it is refused. The raw
 * text is checked as well as the parsed URL, because URL parsing quietly resolves `..` and
 * `%2e%2e`: a request that needed such resolving is refused rather than served.
 */
export function requestedPath(rawUrl: string, origin: string): RequestedPath {
  if (/[\\\0]/.test(rawUrl)) return { status: 403, reason: 'a backslash or NUL in the URL' };
  const url = parseUrl(rawUrl);
  if (url === null) return { status: 400, reason: 'not a URL' };
  if (originOf(url) !== origin) return { status: 403, reason: `not ${origin}` };
  // the parsed origin matched exactly; the raw text must also spell it exactly, so the path
  // below is the one the URL names (no user info, case or port variants before it)
  if (rawUrl.slice(0, origin.length + 1) !== `${origin}/`) return { status: 403, reason: `not spelt ${origin}/` };
  const rawPath = rawUrl.slice(origin.length).split(/[?#]/, 1)[0] ?? '/';
  if (rawPath === '/') return { segments: ['index.html'] };
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      return { status: 400, reason: 'a malformed %-escape' };
    }
    if (name === '') return { status: 403, reason: 'an empty path segment (an absolute path or a folder)' };
    if (name === '.' || name === '..') return { status: 403, reason: 'a dot segment' };
    if (/[/\\\0]/.test(name)) return { status: 403, reason: 'an encoded separator or NUL' };
    if (name.includes(':')) return { status: 403, reason: 'a drive or stream name' };
    if (!FILE_NAME.test(name) || name.endsWith('.')) return { status: 403, reason: 'a character no built file name has' };
    segments.push(name);
  }
  return { segments };
}

const nodeFiles: RendererFiles = {
  realpath: (path) => fs.realpath(path),
  stat: (path) => fs.stat(path),
  readFile: (path) => fs.readFile(path),
};

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

/** The handler for protocol.handle(APP_SCHEME, …): GET of files under `root`, with the window's headers. */
export function rendererProtocolHandler(options: RendererProtocolOptions): RendererHandler {
  const { root, origin, contentSecurityPolicy, onRefused = () => undefined, files = nodeFiles } = options;
  const securityHeaders = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    // no other origin may embed or read these files
    'Cross-Origin-Resource-Policy': 'same-origin',
    // every load asks the handler again: no stale chunk after an update, nothing kept on disk
    'Cache-Control': 'no-cache',
  };
  const refuse = (url: string, status: number, reason: string): Response => {
    onRefused(url, reason);
    const text = status === 404 ? 'not found' : status === 405 ? 'method not allowed' : status === 500 ? 'error' : 'forbidden';
    const headers: Record<string, string> = { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' };
    if (status === 405) headers['Allow'] = 'GET';
    return new Response(text, { status, headers });
  };
  let realRoot: Promise<string> | undefined;

  return async (request) => {
    const { url } = request;
    if (request.method !== 'GET') return refuse(url, 405, `method ${request.method}`);
    const path = requestedPath(url, origin);
    if ('status' in path) return refuse(url, path.status, path.reason);
    try {
      realRoot ??= files.realpath(root);
      const [base, real] = await Promise.all([realRoot, files.realpath(join(root, ...path.segments))]);
      // a symlink (or a linked folder on the way) that leads out of the renderer folder
      if (!real.startsWith(base + sep)) return refuse(url, 403, 'a link out of the renderer folder');
      if (!(await files.stat(real)).isFile()) return refuse(url, 404, 'not a file');
      // the checked, fully resolved path is the one read, not the requested one
      const body = await files.readFile(real);
      return new Response(body, { status: 200, headers: { ...securityHeaders, 'Content-Type': contentTypeFor(real) } });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return refuse(url, 404, 'no such file');
      if (code === 'ELOOP' || code === 'EACCES' || code === 'EISDIR') return refuse(url, 403, code);
      return refuse(url, 500, `unexpected ${code ?? String(error)}`);
    }
  };
}
