import { format, parseISO } from 'date-fns';
import { de } from 'date-fns/locale/de';
import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/window/content-security-policy.js';
import { inlineScriptRan, row, waitForVault } from './support/app-steps.js';
import { HARNESS_ORIGIN, HARNESS_PAGE_URL } from './support/app-protocol-route.js';
import { useRekeyApp } from './support/lifecycle.js';
import { sampleKeys } from '../support/sample-keys.js';

// The page is served by main's app://rekey/ handler itself, at the harness's fixed origin
// (support/app-protocol-route.ts says what differs from the app).
const rekey = useRekeyApp();

describe('the window served by the app protocol handler', () => {
  it('loads its module chunks and a date-locale chunk through the handler, each with the CSP and nosniff', async () => {
    const app = await rekey.open({ initialised: true, locale: 'de-DE' });
    const { page } = app;
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    const rotatedAt = '2026-01-15T12:00:00.000Z';
    await app.seed('addSecret', { name: 'gh-ci', value: app.recorder.track(sampleKeys.github()), rotatedAt });
    await app.load();
    await waitForVault(page);
    expect(page.url()).toBe(HARNESS_PAGE_URL);
    // German dates need the de chunk, imported at run time relative to the page
    expect(await row(page, 'gh-ci').locator('.col--last-rotated').innerText()).toBe(format(parseISO(rotatedAt), 'PP', { locale: de }));
    // Linux gets fontconfig's monospace alias: one font lookup instead of eight misses first
    expect(
      await row(page, 'gh-ci')
        .locator('.masked')
        .evaluate((masked) => getComputedStyle(masked).fontFamily),
    ).toBe('monospace');

    const scripts = responses.filter((response) => response.request().resourceType() === 'script');
    expect(scripts.map((response) => new URL(response.url()).pathname)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/assets\/index-[\w-]+\.js$/), expect.stringMatching(/^\/assets\/de-[\w-]+\.js$/)]),
    );
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    for (const response of responses) {
      const path = new URL(response.url()).pathname;
      expect(new URL(response.url()).origin, path).toBe(HARNESS_ORIGIN);
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      expect(headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['content-type'], path).toBe(
        path.endsWith('.js')
          ? 'text/javascript; charset=utf-8'
          : path.endsWith('.css')
            ? 'text/css; charset=utf-8'
            : 'text/html; charset=utf-8',
      );
    }
  });

  it('runs under the header policy: no inline script, no frame, no worker', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await app.load();
    await waitForVault(page);
    expect(await inlineScriptRan(page)).toBe(false);
    await expect.poll(() => app.acknowledge(/inline script violates the following Content Security Policy/).length).toBeGreaterThan(0);

    // frame-src 'none': even the app's own page may not be framed into it
    await page.evaluate(`(() => { const f = document.createElement('iframe'); f.src = '/index.html'; document.body.append(f); })()`);
    await expect
      .poll(() => app.acknowledge(/Framing '.*' violates the following Content Security Policy directive: "frame-src 'none'"/).length)
      .toBeGreaterThan(0);

    // worker-src 'none': a worker from the app's own origin is blocked before it is fetched
    await page.evaluate(`(() => { new Worker('/assets/none.js'); })()`);
    await expect
      .poll(
        () =>
          app.acknowledge(/Creating a worker from '.*' violates the following Content Security Policy directive: "worker-src 'none'"/)
            .length,
      )
      .toBeGreaterThan(0);
    // Chromium reports that refusal twice: a round trip lets the second arrive before it is taken off
    await page.evaluate('0');
    app.acknowledge(/worker-src 'none'/);
  });

  it('answers a path that leaves the renderer folder with a refusal, in the browser too', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await app.load();
    await waitForVault(page);
    // Chromium resolves a plain or %2e%2e "..", so the handler sees /package.json: not under dist/renderer
    const resolved = await page.goto(`${HARNESS_ORIGIN}/%2e%2e/%2e%2e/package.json`);
    expect(resolved?.status()).toBe(404);
    // an encoded slash survives Chromium's canonicalisation, and the handler refuses it
    const encoded = await page.goto(`${HARNESS_ORIGIN}/assets/..%2f..%2f..%2fpackage.json`);
    expect(encoded?.status()).toBe(403);
    expect(await encoded?.text()).toBe('forbidden');
    expect(encoded?.headers()['x-content-type-options']).toBe('nosniff');
    expect(app.acknowledge(/app protocol refused .*package\.json: (no such file|an encoded separator)/)).toHaveLength(2);
    await page.evaluate('0');
    app.acknowledge(/status of 40[34]/);
  });
});
