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
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
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
