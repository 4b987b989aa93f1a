import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window/content-security-policy.js';
import { isOpenableExternally } from '../../../electron/main/window/web-contents-guard.js';
import { mainWindowOptions } from '../../../electron/main/window/window-options.js';

describe('window hardening as data', () => {
  it('follows the OS theme for the first paint and leaves security to the creation site', () => {
    expect(mainWindowOptions(true).backgroundColor).not.toBe(mainWindowOptions(false).backgroundColor);
    expect(mainWindowOptions(true)).not.toHaveProperty('webPreferences');
  });

  it('has a CSP with no remote origin, inline script or eval', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|blob:/);
  });

  it('allows no frames, workers, media or manifest, and keeps every other directive as strict', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name = '', ...sources] = part.trim().split(/\s+/);
        return [name, sources.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'none'",
      'object-src': "'none'",
      'frame-src': "'none'",
      'worker-src': "'none'",
      'media-src': "'none'",
      'manifest-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });

  it('has a renderer that starts no worker, which worker-src none would refuse', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const sources = readdirSync(new URL('../../../renderer/src', import.meta.url), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
      .map((entry) => readFileSync(`${entry.parentPath}/${entry.name}`, 'utf8'));
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter((source) => /new (Shared)?Worker\(|serviceWorker|<(iframe|video|audio)\b/.test(source))).toEqual([]);
  });

  it('opens externally only https pages on the allow list', () => {
    const allowed = new Set(['https://github.com/settings/tokens']);
    expect(isOpenableExternally('https://github.com/settings/tokens', allowed)).toBe(true);
    expect(isOpenableExternally('https://github.com/settings/tokens?x', allowed)).toBe(false);
    expect(isOpenableExternally('http://github.com/settings/tokens', new Set(['http://github.com/settings/tokens']))).toBe(false);
  });
});

describe('the page and main agree on the CSP', () => {
  it('renderer/index.html carries exactly the policy main sends as a header', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });
});
