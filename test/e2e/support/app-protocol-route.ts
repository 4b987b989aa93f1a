import type { BrowserContext } from 'playwright-core';
import { APP_PAGE_PATH, type AppPage, isSameOrigin } from '../../../electron/main/window/app-origin.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window/content-security-policy.js';
import { rendererProtocolHandler } from '../../../electron/main/window/renderer-protocol.js';

/**
 * The harness's app://rekey/. Playwright's Chromium cannot register a custom scheme, so every
 * request of one fixed origin is answered by main's own protocol handler
 * (electron/main/window/renderer-protocol.ts): the same path rules and refusals, the same
 * headers, the same CSP. Any other request is aborted: nothing of the app's leaves the machine.
 *
 * What still differs from the app:
 * - the scheme and origin string: https://rekey.invalid instead of app://rekey. Both are secure
 *   contexts with a tuple origin, so 'self', same-origin module loads and relative URLs behave
 *   alike; `.invalid` can never resolve, should a request slip past the route;
 * - each request crosses the DevTools protocol to this Node process and back (the window bench's
 *   figures include that; Electron calls the handler in the main process);
 * - Chromium asks for /favicon.ico, which Electron's window does not: answered 204 here.
 */
export const HARNESS_ORIGIN = 'https://rekey.invalid';
export const HARNESS_PAGE: AppPage = Object.freeze({ origin: HARNESS_ORIGIN, path: APP_PAGE_PATH });
export const HARNESS_PAGE_URL = `${HARNESS_ORIGIN}${APP_PAGE_PATH}`;

/** Serves `root` (dist/renderer) at HARNESS_ORIGIN in this context; refusals are reported. */
export async function serveAppProtocol(
  context: BrowserContext,
  root: string,
  onRefused: (url: string, reason: string) => void,
): Promise<void> {
  const handler = rendererProtocolHandler({ root, origin: HARNESS_ORIGIN, contentSecurityPolicy: CONTENT_SECURITY_POLICY, onRefused });
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    if (!isSameOrigin(url, HARNESS_ORIGIN)) {
      onRefused(url, 'a request outside the app origin');
      await route.abort('blockedbyclient');
      return;
    }
    if (new URL(url).pathname === '/favicon.ico') {
      await route.fulfill({ status: 204 });
      return;
    }
    const response = await handler({ url, method: request.method() });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    await route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) });
  });
}
