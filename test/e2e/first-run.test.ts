import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type KeyStore, Vault, keychainUnavailable } from '../../electron/core/index.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/window/content-security-policy.js';
import { realKeyStore } from '../support/real-keychain.js';
import { inlineScriptRan } from './support/app-steps.js';
import { useRekeyApp } from './support/lifecycle.js';

const rekey = useRekeyApp();

/** No Secret Service on the session bus: what keytar reports on such a Linux desktop. */
const unreachable = () => Promise.reject(keychainUnavailable('Cannot autolaunch D-Bus without X11 $DISPLAY', 'linux'));
const missingKeychain: KeyStore = { description: 'OS keychain', get: unreachable, set: unreachable, delete: unreachable };

describe('first run', () => {
  it('welcomes a new user, creates the vault with its key in the real keychain, and opens the empty vault', async () => {
    const app = await rekey.open();
    const { page, home } = app;
    await app.load();
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Rekey' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(join(home, 'vault.db')).isVisible()).toBe(true);
    await app.snap('welcome');
    expect(existsSync(join(home, 'vault.db'))).toBe(false);

    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Your vault is empty' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('0 keys').isVisible()).toBe(true);
    expect(existsSync(join(home, 'vault.db'))).toBe(true);
    expect(app.recorder.calls('rekey:vault:init')).toHaveLength(1);
    await app.snap('vault-empty');

    // the policy is live: an inline script does not run, and the harness hears the refusal
    expect(await inlineScriptRan(page)).toBe(false);
    await expect.poll(() => app.acknowledge(/inline script violates the following Content Security Policy/).length).toBeGreaterThan(0);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY);

    // the vault key really went to the OS keychain: the vault opens from there, outside the app
    const vault = await Vault.open({ home, keyStore: app.keyStore });
    expect(vault.list()).toEqual([]);
    vault.close();
  });

  it('says plainly that no keychain is reachable, shows main’s message, and creates nothing', async () => {
    const app = await rekey.open({ keyStore: missingKeychain });
    const { page, home } = app;
    await app.load();
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Rekey can’t reach your vault key' }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toMatch(/No OS keychain is reachable \(Cannot autolaunch D-Bus without X11 \$DISPLAY\)\. .*gnome-keyring/s);
    expect(existsSync(join(home, 'vault.db'))).toBe(false);
    await app.snap('keychain-unavailable');

    // Try again asks main again; with still no vault, that is the welcome screen
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Create vault' }).isVisible()).toBe(true);
    expect(app.recorder.calls('rekey:vault:status')).toHaveLength(2);
  });

  it('shows the keychain screen when the vault exists but this keychain does not hold its key', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rekey-e2e-other-'));
    try {
      const home = join(folder, 'vault');
      (await Vault.init({ home, keyStore: realKeyStore() })).close();
      // the same vault, opened by an app whose keychain service never saw its key
      const app = await rekey.open({ home, keyStore: realKeyStore() });
      await app.load();
      const { page } = app;
      await expect.poll(() => page.getByRole('heading', { name: 'Rekey can’t reach your vault key' }).isVisible()).toBe(true);
      await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/The vault key for .*vault\.db is not in the OS keychain/);
      expect(await page.getByRole('button', { name: 'Create vault' }).count()).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
