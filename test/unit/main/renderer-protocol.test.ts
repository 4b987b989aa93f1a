import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_SCHEME_PRIVILEGES } from '../../../electron/main/window/app-origin.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window/content-security-policy.js';
import { contentTypeFor, rendererProtocolHandler, requestedPath } from '../../../electron/main/window/renderer-protocol.js';
import { tempDir } from '../../support/temp-vault.js';

// a renderer folder and, next to it, a file that must never be served
const dir = tempDir('rekey-protocol-');
afterAll(() => dir.remove());
const root = join(dir.path, 'renderer');
const outside = join(dir.path, 'outside');
const SECRET = 'sk_live_outside_the_renderer_folder';
mkdirSync(join(root, 'assets', 'nested'), { recursive: true });
mkdirSync(outside);
writeFileSync(join(outside, 'secret.txt'), SECRET);
writeFileSync(join(outside, 'secret.js'), SECRET);
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Rekey</title>');
writeFileSync(join(root, 'assets', 'index-nqrX5mmG.js'), 'export const x = 1;');
writeFileSync(join(root, 'assets', 'de-AT-BVRutEpv.js'), 'export const de = 1;');
writeFileSync(join(root, 'assets', 'index-CXo3QygD.css'), 'body{}');
writeFileSync(join(root, 'assets', 'index.js.map'), '{}');
writeFileSync(join(root, 'assets', 'font.woff2'), 'wOF2');
writeFileSync(join(root, 'assets', 'icon.svg'), '<svg/>');
writeFileSync(join(root, 'assets', 'data.bin'), 'bytes');
writeFileSync(join(root, 'assets', 'nested', 'deep.js'), 'export {};');
// links: one to a file outside, one to a folder outside, one that stays inside
symlinkSync(join(outside, 'secret.js'), join(root, 'assets', 'leak.js'));
symlinkSync(outside, join(root, 'assets', 'out'));
symlinkSync(join(root, 'assets', 'nested', 'deep.js'), join(root, 'assets', 'inside.js'));

const refused: Array<[string, string]> = [];
const handler = rendererProtocolHandler({
  root,
  origin: APP_ORIGIN,
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  onRefused: (url, reason) => refused.push([url, reason]),
});
const get = (url: string) => handler({ url, method: 'GET' });

function headersOf(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return headers;
}

describe('app://rekey/ serves the built renderer folder', () => {
  it('serves index.html for / and by name, with the window headers', async () => {
    for (const url of ['app://rekey/', 'app://rekey/index.html', 'app://rekey/index.html#/settings', 'app://rekey/?x=1']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text(), url).toBe('<!doctype html><title>Rekey</title>');
      expect(headersOf(response), url).toEqual({
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cross-origin-resource-policy': 'same-origin',
        'cache-control': 'no-cache',
      });
    }
  });

  it('serves the module chunks and assets with the type of their extension', async () => {
    const expected: Array<[string, string, string]> = [
      ['assets/index-nqrX5mmG.js', 'text/javascript; charset=utf-8', 'export const x = 1;'],
      ['assets/de-AT-BVRutEpv.js', 'text/javascript; charset=utf-8', 'export const de = 1;'],
      ['assets/index-CXo3QygD.css', 'text/css; charset=utf-8', 'body{}'],
      ['assets/index.js.map', 'application/json; charset=utf-8', '{}'],
      ['assets/font.woff2', 'font/woff2', 'wOF2'],
      ['assets/icon.svg', 'image/svg+xml', '<svg/>'],
      ['assets/data.bin', 'application/octet-stream', 'bytes'],
      ['assets/nested/deep.js', 'text/javascript; charset=utf-8', 'export {};'],
      // a link that stays inside the folder is fine
      ['assets/inside.js', 'text/javascript; charset=utf-8', 'export {};'],
    ];
    for (const [path, type, body] of expected) {
      const response = await get(`app://rekey/${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(await response.text(), path).toBe(body);
    }
    expect(contentTypeFor('INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x.png')).toBe('image/png');
  });

  it('answers 404 for what is not there, and for a folder', async () => {
    for (const url of ['app://rekey/missing.js', 'app://rekey/assets/missing/x.js', 'app://rekey/assets', 'app://rekey/index.html/x']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  const forbidden: Array<[string, string, RegExp]> = [
    ['raw ..', 'app://rekey/../outside/secret.txt', /dot segment/],
    ['.. after a folder', 'app://rekey/assets/../../outside/secret.txt', /dot segment/],
    ['a lone .', 'app://rekey/./index.html', /dot segment/],
    ['%2e%2e', 'app://rekey/%2e%2e/outside/secret.txt', /dot segment/],
    ['%2E%2E', 'app://rekey/assets/%2E%2E/%2E%2E/outside/secret.txt', /dot segment/],
    ['.%2e', 'app://rekey/.%2e/outside/secret.txt', /dot segment/],
    ['%2f', 'app://rekey/assets%2f..%2f..%2foutside%2fsecret.txt', /encoded separator/],
    ['%5c', 'app://rekey/..%5coutside%5csecret.txt', /encoded separator/],
    ['a backslash', 'app://rekey/..\\outside\\secret.txt', /backslash or NUL/],
    ['a raw NUL', 'app://rekey/index.html\0.png', /backslash or NUL/],
    ['%00', 'app://rekey/index.html%00.png', /encoded separator or NUL/],
    ['an absolute path', 'app://rekey//etc/passwd', /empty path segment/],
    ['an encoded absolute path', 'app://rekey/%2fetc%2fpasswd', /encoded separator/],
    ['a drive letter', 'app://rekey/C:/Windows/win.ini', /drive or stream/],
    ['a trailing slash (a folder)', 'app://rekey/assets/', /empty path segment/],
    ['a hidden file', 'app://rekey/.env', /character no built file name has/],
    ['a trailing dot (Windows drops it)', 'app://rekey/index.html.', /character no built file name has/],
    ['a space', 'app://rekey/index%20.html', /character no built file name has/],
    ['a symlink to a file outside', 'app://rekey/assets/leak.js', /link out of the renderer folder/],
    ['a symlinked folder outside', 'app://rekey/assets/out/secret.txt', /link out of the renderer folder/],
    ['another host', 'app://evil/index.html', /not app:\/\/rekey/],
    ['a longer host', 'app://rekey.evil.com/index.html', /not app:\/\/rekey/],
    ['user info naming rekey', 'app://rekey@evil/index.html', /not app:\/\/rekey/],
    ['user info before rekey', 'app://user@rekey/index.html', /not app:\/\/rekey/],
    ['a port', 'app://rekey:8080/index.html', /not app:\/\/rekey/],
    ['another scheme', 'https://rekey/index.html', /not app:\/\/rekey/],
    ['file://', 'file:///etc/passwd', /not app:\/\/rekey/],
    ['an upper-case spelling', 'APP://rekey/index.html', /not spelt app:\/\/rekey\//],
  ];

  for (const [what, url, reason] of forbidden) {
    it(`refuses ${what} with 403: ${JSON.stringify(url)}`, async () => {
      refused.length = 0;
      const response = await get(url);
      expect(response.status).toBe(403);
      const body = await response.text();
      expect(body).toBe('forbidden');
      expect(body).not.toContain(SECRET);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(refused).toEqual([[url, expect.stringMatching(reason)]]);
    });
  }

  it('refuses a malformed escape with 400 and a method other than GET with 405', async () => {
    expect((await get('app://rekey/%E0%A4%A.js')).status).toBe(400);
    const post = await handler({ url: 'app://rekey/index.html', method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('says why a path is refused before touching the disk', () => {
    expect(requestedPath('app://rekey/assets/x.js?v=1#h', APP_ORIGIN)).toEqual({ segments: ['assets', 'x.js'] });
    expect(requestedPath('app://rekey/', APP_ORIGIN)).toEqual({ segments: ['index.html'] });
    expect(requestedPath('app://rekey/%2e%2e/x', APP_ORIGIN)).toEqual({ status: 403, reason: 'a dot segment' });
  });

  it('reads inside the folder only, whatever the file system answers', async () => {
    // a file system whose realpath points outside (as a link swapped in would): refused, never read
    const reads: string[] = [];
    const tricked = rendererProtocolHandler({
      root: '/app/renderer',
      origin: APP_ORIGIN,
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      files: {
        realpath: async (path) => (path === '/app/renderer' ? path : '/app/renderer-other/index.html'),
        stat: async () => ({ isFile: () => true }),
        readFile: async (path) => {
          reads.push(path);
          return new Uint8Array(new ArrayBuffer(1));
        },
      },
    });
    expect((await tricked({ url: 'app://rekey/index.html', method: 'GET' })).status).toBe(403);
    expect(reads).toEqual([]);
  });
});

describe('the scheme Electron registers', () => {
  it('is standard, secure, fetch-capable and code-cached, and not open to other origins', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
  });
});
