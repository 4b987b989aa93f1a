import { type AppPage, originOf, parseUrl } from './app-origin.js';

/** Points the window at a local Vite dev server instead of the built page; development only. */
export const DEV_SERVER_VARIABLE = 'REKEY_DEV_SERVER_URL';

/** Hostnames as the URL parser writes them: 127.1, 0x7f.0.0.1 and LOCALHOST arrive here normalised. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type DevServerChoice =
  { readonly use: 'built'; readonly refused?: string } | { readonly use: 'dev-server'; readonly url: string; readonly page: AppPage };

/**
 * What the window loads given REKEY_DEV_SERVER_URL. A packaged app ignores it: whoever can set
 * an environment variable for the app must not be able to swap the page that receives the
 * vault's values. In development it must be http on a loopback address with an explicit port;
 * anything else is refused with the reason, and the built page is used.
 */
export function chooseDevServer(value: string | undefined, isPackaged: boolean): DevServerChoice {
  if (value === undefined || value === '') return { use: 'built' };
  const named = `${DEV_SERVER_VARIABLE}=${JSON.stringify(value)}`;
  const refuse = (why: string) => ({ use: 'built' as const, refused: `rekey: ${named} ignored: ${why}; loading the built page.` });
  if (isPackaged) return refuse('a packaged app always loads its own page');
  const url = parseUrl(value);
  if (url === null) return refuse('not a URL');
  if (url.protocol !== 'http:') return refuse('only http:// on a loopback address is accepted');
  if (url.username !== '' || url.password !== '') return refuse('a URL with user info (user@host) is not accepted');
  if (!LOOPBACK_HOSTS.has(url.hostname)) return refuse('the host must be 127.0.0.1, localhost or [::1]');
  if (url.port === '') return refuse('the URL must name its port (Vite prints it, e.g. http://127.0.0.1:5173/)');
  const origin = originOf(url);
  if (origin === null) return refuse('not a URL with an origin');
  // the page is origin + path: a query or fragment in the variable is dropped, not matched on
  return { use: 'dev-server', url: `${origin}${url.pathname}`, page: { origin, path: url.pathname } };
}
