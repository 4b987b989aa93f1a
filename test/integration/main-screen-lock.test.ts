import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../electron/contract/index.js';
import { Vault, vaultKeyAccount } from '../../electron/core/index.js';
import { realKeyStore, testKeychainService } from '../support/real-keychain.js';
import { sampleKeys } from '../support/sample-keys.js';
import { tempDir } from '../support/temp-vault.js';

vi.mock('electron', () => import('../support/electron-stand-in.js'));

const standIn = await import('../support/electron-stand-in.js');
const dir = tempDir();
const home = join(dir.path, 'vault');
const service = testKeychainService();
const keyStore = realKeyStore(service);
const key = sampleKeys.github();
let vaultId = '';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** dbus-monitor processes this test process started (main.ts's watcher), from /proc. */
function ourMonitors(): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return comm === 'dbus-monitor' && ppid === process.pid ? [Number(entry)] : [];
    } catch {
      return []; // gone meanwhile
    }
  });
}

async function ask<T>(channel: string, input: unknown = {}): Promise<T> {
  const window = standIn.calls.windows[0];
  const result = (await standIn.calls.handled.get(channel)?.({ senderFrame: window?.webContents.mainFrame }, input)) as {
    ok: boolean;
    value: T;
  };
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`);
  return result.value;
}

/**
 * main.ts against the stand-in electron, on the real keychain and the private D-Bus session:
 * the desktop's screensaver signal locks the vault and clears our clipboard, as powerMonitor's
 * 'lock-screen' does on macOS and Windows.
 */
describe('main locks the vault when a Linux desktop locks its screen', () => {
  beforeAll(async () => {
    const vault = await Vault.init({ home, keyStore });
    vaultId = vault.vaultId;
    vault.add({ name: 'gh' }, key);
    vault.close();
    process.env['REKEY_HOME'] = home;
    process.env['REKEY_KEYCHAIN_SERVICE'] = service;
    await import('../../electron/main/main.js');
    await standIn.fireReady();
  });

  afterAll(async () => {
    delete process.env['REKEY_HOME'];
    delete process.env['REKEY_KEYCHAIN_SERVICE'];
    await keyStore.delete(vaultKeyAccount(vaultId));
    dir.remove();
  });

  it('watches the session bus once started', () => {
    expect(ourMonitors().length).toBeGreaterThanOrEqual(1);
  });

  it('ActiveChanged(true) on the session bus locks the vault and clears the secret it copied', async () => {
    expect(await ask(CHANNELS.vaultStatus)).toMatchObject({ state: 'ready' });
    await ask(CHANNELS.copy, { name: 'gh' });
    expect(standIn.clipboard.text).toBe(key);
    for (let tries = 0; tries < 100 && !(await ask<{ locked: boolean }>(CHANNELS.pollApp)).locked; tries++) {
      execFileSync('dbus-send', [
        '--session',
        '--type=signal',
        '/org/freedesktop/ScreenSaver',
        'org.freedesktop.ScreenSaver.ActiveChanged',
        'boolean:true',
      ]);
      await sleep(50);
    }
    expect(await ask(CHANNELS.pollApp)).toEqual({ locked: true, focus: null });
    expect(await ask(CHANNELS.vaultStatus)).toMatchObject({ state: 'locked' });
    expect(standIn.clipboard.text).toBe('');
  });

  it('stops watching on quit', async () => {
    standIn.emitApp('before-quit', { preventDefault: () => undefined });
    for (let i = 0; i < 50 && ourMonitors().length > 0; i++) await sleep(20);
    expect(ourMonitors()).toEqual([]);
  });
});
