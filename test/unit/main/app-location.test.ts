import { describe, expect, it } from 'vitest';
import { appLocations } from '../../../electron/main/app-location.js';

describe('where the bundled main finds the page and the preload', () => {
  const bundled = appLocations('file:///opt/Rekey/resources/app.asar/dist/main/main.js', {});

  it('loads dist/renderer/index.html with dist/preload/preload.cjs', () => {
    expect(bundled.pageUrl).toBe('file:///opt/Rekey/resources/app.asar/dist/renderer/index.html');
    expect(bundled.preloadPath).toBe('/opt/Rekey/resources/app.asar/dist/preload/preload.cjs');
  });

  it('treats only the app page itself as home', () => {
    expect(bundled.isAppUrl('file:///opt/Rekey/resources/app.asar/dist/renderer/index.html#/settings')).toBe(true);
    expect(bundled.isAppUrl('file:///etc/passwd')).toBe(false);
    expect(bundled.isAppUrl('https://evil.example/')).toBe(false);
  });

  it('uses the dev server in development', () => {
    const dev = appLocations('file:///repo/dist/main/main.js', { REKEY_DEV_SERVER_URL: 'http://127.0.0.1:5173/' });
    expect(dev.pageUrl).toBe('http://127.0.0.1:5173/');
    expect(dev.isAppUrl('http://127.0.0.1:5173/assets/x.js')).toBe(true);
    expect(dev.isAppUrl('http://127.0.0.1:5174/')).toBe(false);
  });
});
