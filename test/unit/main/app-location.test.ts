import { describe, expect, it } from 'vitest';
import { appLocations } from '../../../electron/main/app-location.js';
import { chooseDevServer } from '../../../electron/main/window/dev-server.js';

const MAIN = 'file:///opt/Rekey/resources/app.asar/dist/main/main.js';

/** appLocations with the dev-server variable set to `value`; returns what it warned, too. */
function locate(value: string | undefined, isPackaged = false) {
  const warnings: string[] = [];
  const env = value === undefined ? {} : { REKEY_DEV_SERVER_URL: value };
  const locations = appLocations(MAIN, env, { isPackaged, warn: (line) => warnings.push(line) });
  return { ...locations, warnings };
}

describe('where the bundled main finds the page and the preload', () => {
  const bundled = locate(undefined);

  it('loads the page from app://rekey/, served from dist/renderer, with dist/preload/preload.cjs', () => {
    expect(bundled.pageUrl).toBe('app://rekey/index.html');
    expect(bundled.rendererDir).toBe('/opt/Rekey/resources/app.asar/dist/renderer');
    expect(bundled.preloadPath).toBe('/opt/Rekey/resources/app.asar/dist/preload/preload.cjs');
    expect(bundled.warnings).toEqual([]);
  });

  it('treats only the app page itself as home, by exact origin and path', () => {
    expect(bundled.isAppUrl('app://rekey/index.html')).toBe(true);
    expect(bundled.isAppUrl('app://rekey/index.html#/settings')).toBe(true);
    for (const url of [
      'app://rekey/',
      'app://rekey/other.html',
      'app://rekey/index.html?next=https://evil.example/',
      'app://rekey/assets/index.js',
      'app://rekey.evil.com/index.html',
      'app://rekey@evil.com/index.html',
      'app://user@rekey/index.html',
      'app://rekey:8080/index.html',
      'app://evil/index.html',
      'apps://rekey/index.html',
      'file:///opt/Rekey/resources/app.asar/dist/renderer/index.html',
      'file:///etc/passwd',
      'https://evil.example/',
      'not a url',
    ]) {
      expect(bundled.isAppUrl(url), url).toBe(false);
    }
  });
});

describe('the dev-server override (REKEY_DEV_SERVER_URL)', () => {
  it('uses a loopback dev server in development, and only that page as home', () => {
    for (const [value, page] of [
      ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173/'],
      ['http://localhost:5173', 'http://localhost:5173/'],
      ['http://[::1]:5173/', 'http://[::1]:5173/'],
      // the URL parser's own spellings of 127.0.0.1 and localhost
      ['http://127.1:5173/', 'http://127.0.0.1:5173/'],
      ['http://LOCALHOST:5173/', 'http://localhost:5173/'],
    ] as const) {
      const dev = locate(value);
      expect(dev.pageUrl, value).toBe(page);
      expect(dev.warnings, value).toEqual([]);
      expect(dev.isAppUrl(page), value).toBe(true);
      expect(dev.isAppUrl(`${page}#/settings`), value).toBe(true);
    }
  });

  it('compares the dev origin exactly: no prefix, port or host look-alikes', () => {
    // with no trailing slash a prefix test would have let every one of these through
    const dev = locate('http://127.0.0.1:5173');
    expect(dev.isAppUrl('http://127.0.0.1:5173/')).toBe(true);
    for (const url of [
      'http://127.0.0.1:51730/',
      'http://127.0.0.1:5173.evil.com/',
      'http://127.0.0.1:5173@evil.com/',
      'https://127.0.0.1:5173/',
      'http://localhost:5173/',
      'http://127.0.0.1:5174/',
      'http://127.0.0.1:5173/assets/x.js',
      'app://rekey/index.html',
    ]) {
      expect(dev.isAppUrl(url), url).toBe(false);
    }
  });

  it('is ignored by a packaged app, which says so and loads its own page', () => {
    const packaged = locate('http://127.0.0.1:5173/', true);
    expect(packaged.pageUrl).toBe('app://rekey/index.html');
    expect(packaged.isAppUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(packaged.warnings).toEqual([
      'rekey: REKEY_DEV_SERVER_URL="http://127.0.0.1:5173/" ignored: a packaged app always loads its own page; loading the built page.',
    ]);
  });

  const refusals: Array<[string, string, RegExp]> = [
    ['a remote host', 'http://evil.example:5173/', /host must be 127\.0\.0\.1, localhost or \[::1\]/],
    ['a LAN address', 'http://192.168.1.20:5173/', /host must be/],
    ['another loopback address', 'http://127.0.0.2:5173/', /host must be/],
    ['an IPv4-mapped address', 'http://[::ffff:127.0.0.1]:5173/', /host must be/],
    ['a look-alike of 127.0.0.1', 'http://127.0.0.1.evil.com:5173/', /host must be/],
    ['a look-alike of localhost', 'http://localhost.evil.com:5173/', /host must be/],
    ['a loopback-looking user name', 'http://127.0.0.1@evil.com:5173/', /user info/],
    ['a user name before loopback', 'http://evil@127.0.0.1:5173/', /user info/],
    ['a password', 'http://:pw@localhost:5173/', /user info/],
    ['https', 'https://127.0.0.1:5173/', /only http:\/\/ on a loopback address/],
    ['file://', 'file:///tmp/index.html', /only http:\/\//],
    ['javascript:', 'javascript:alert(1)', /only http:\/\//],
    ['ws://', 'ws://127.0.0.1:5173/', /only http:\/\//],
    ['data:', 'data:text/html,<h1>evil', /only http:\/\//],
    ['no port', 'http://127.0.0.1/', /must name its port/],
    ['the default port spelt out', 'http://localhost:80/', /must name its port/],
    ['not a URL', '127.0.0.1:5173', /only http|not a URL/],
    ['text', 'dev server please', /not a URL/],
  ];

  for (const [what, value, reason] of refusals) {
    it(`refuses ${what} (${value}) with a message, and loads the built page`, () => {
      const refused = locate(value);
      expect(refused.pageUrl).toBe('app://rekey/index.html');
      expect(refused.isAppUrl(value)).toBe(false);
      expect(refused.warnings).toHaveLength(1);
      expect(refused.warnings[0]).toMatch(reason);
      expect(refused.warnings[0]).toContain(`REKEY_DEV_SERVER_URL=${JSON.stringify(value)} ignored`);
      expect(refused.warnings[0]).toMatch(/loading the built page\.$/);
    });
  }

  it('treats an empty variable as unset', () => {
    expect(chooseDevServer('', false)).toEqual({ use: 'built' });
    expect(chooseDevServer(undefined, true)).toEqual({ use: 'built' });
  });
});
