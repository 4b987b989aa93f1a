import { format, parseISO } from 'date-fns';
import { de } from 'date-fns/locale/de';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/window/content-security-policy.js';
import { inlineScriptRan, row, waitForVault } from './support/app-steps.js';
import { useRekeyApp } from './support/lifecycle.js';
import { sampleKeys } from '../support/sample-keys.js';

// the rest of the suite loads the page over HTTP with main's CSP header; the app loads it from file://
const rekey = useRekeyApp('file');

describe('the window loaded from file://, as the app loads it', () => {
  it('opens the vault, loads a date locale chunk, and runs under the meta tag policy', async () => {
    const app = await rekey.open({ initialised: true, locale: 'de-DE' });
    const { page } = app;
    const rotatedAt = '2026-01-15T12:00:00.000Z';
    await app.seed('addSecret', { name: 'gh-ci', value: app.recorder.track(sampleKeys.github()), rotatedAt });
    await app.load();
    await waitForVault(page);
    expect(page.url()).toMatch(/^file:\/\/.*\/dist\/renderer\/index\.html$/);
    // German dates need the de chunk: relative imports between file:// modules work
    expect(await row(page, 'gh-ci').locator('.col--last-rotated').innerText()).toBe(format(parseISO(rotatedAt), 'PP', { locale: de }));

    // Linux gets fontconfig's monospace alias: one font lookup instead of eight misses first
    expect(await row(page, 'gh-ci').locator('.masked').evaluate((masked) => getComputedStyle(masked).fontFamily)).toBe('monospace');

    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY);
    expect(await inlineScriptRan(page)).toBe(false);
    await expect.poll(() => app.acknowledge(/inline script violates the following Content Security Policy/).length).toBeGreaterThan(0);
  });
});
