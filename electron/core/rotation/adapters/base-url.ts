import { isIP } from 'node:net';
import { RekeyError } from '../../errors.js';

/**
 * A provider's API base URL, as the user may set it (self-hosted GitLab, Mailgun's EU region, a
 * stand-in in tests). Keys travel to it, so: https only, except plain http to this machine
 * (loopback), where nothing crosses a network; no user:password@ (it would be sent along and
 * logged by proxies); no query or fragment (paths are appended to it).
 */
export function resolveBaseUrl(input: string | undefined, defaultUrl: string): URL {
  const text = input === undefined || input.trim() === '' ? defaultUrl : input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RekeyError('invalid-input', 'The API base URL is not a valid URL (expected e.g. https://gitlab.example.com).');
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw new RekeyError(
        'invalid-input',
        `The API base URL must use https: plain http is allowed only for this machine (127.0.0.1, ::1, localhost), not for ${url.hostname}.`,
      );
    }
  } else if (url.protocol !== 'https:') {
    throw new RekeyError('invalid-input', `The API base URL must use https, not ${url.protocol.replace(/:$/, '')}.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new RekeyError('invalid-input', 'The API base URL must not contain a user name or password: credentials are sent separately.');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new RekeyError('invalid-input', 'The API base URL must not have a query (?...) or a fragment (#...).');
  }
  return url;
}

/**
 * Loopback by the URL parser's own reading of the host: the WHATWG parser has already turned
 * 0x7f.1 or 2130706433 into 127.0.0.1, and brackets an IPv6 literal. A name other than
 * "localhost" is refused even if it resolves to 127.0.0.1 today (DNS can change its mind).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  if (host === 'localhost') return true;
  const family = isIP(host);
  if (family === 4) return host.split('.')[0] === '127';
  if (family === 6) return host === '::1';
  return false;
}

/** The base URL's path joined with an API path: https://h/gitlab + /api/v4/x -> https://h/gitlab/api/v4/x. */
export function joinUrl(base: URL, path: string, query?: Readonly<Record<string, string>>): URL {
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  return url;
}
