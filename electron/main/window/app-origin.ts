/**
 * docs/architecture.md §6: the window's page comes from its own privileged scheme, app://rekey/, served by
 * renderer-protocol.ts from the built renderer folder. Not file://: a file:// page shares its
 * origin with every local file, and with the GrantFileProtocolExtraPrivileges fuse off it could
 * not load its module chunks anyway.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://rekey';
export const APP_PAGE_PATH = '/index.html';
export const APP_PAGE_URL = `${APP_ORIGIN}${APP_PAGE_PATH}`;

/**
 * What protocol.registerSchemesAsPrivileged grants the scheme: standard (a tuple origin, relative
 * URLs resolve as on the web), secure (a secure context, like https), fetch for the page's own
 * module loads, and V8's code cache. Not corsEnabled: no other origin may read from it.
 */
export const APP_SCHEME_PRIVILEGES = Object.freeze({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });

/** The page the window shows: an exact origin and path. */
export interface AppPage {
  readonly origin: string;
  readonly path: string;
}

export const APP_PAGE: AppPage = Object.freeze({ origin: APP_ORIGIN, path: APP_PAGE_PATH });

/** `new URL(text)`, or null for anything that does not parse. */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * scheme://host[:port], or null when the URL carries user info (http://127.0.0.1@evil.com/ is
 * evil.com's, and no page of ours has any). Node's URL.origin is "null" for a scheme it does not
 * know as special, such as app:, while Chromium gives a registered standard scheme a tuple
 * origin; spelling it out gives both the same answer, and for http(s) it equals URL.origin.
 */
export function originOf(url: URL): string | null {
  if (url.username !== '' || url.password !== '') return null;
  return `${url.protocol}//${url.host}`;
}

/** Whether `text` is a URL of exactly this origin. */
export function isSameOrigin(text: string, origin: string): boolean {
  const url = parseUrl(text);
  return url !== null && originOf(url) === origin;
}

/** The page itself (any #fragment): a frame or navigation anywhere else is not the app. */
export function isAppPage(text: string, page: AppPage): boolean {
  const url = parseUrl(text);
  return url !== null && originOf(url) === page.origin && url.pathname === page.path && url.search === '';
}
