import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../electron/contract/index.js';
import { MemoryKeyStore, Vault } from '../../../electron/core/index.js';
import { tempDir } from '../../support/temp-vault.js';
import { sampleKeys } from '../../support/sample-keys.js';

vi.mock('electron', () => import('../../support/electron-stand-in.js'));

const standIn = await import('../../support/electron-stand-in.js');
const dir = tempDir();
const home = join(dir.path, 'vault');
const keyStore = new MemoryKeyStore();
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/**
 * main.ts against the stand-in: a vault with two keys needing attention exists before the app
 * starts. Reminders need only the vault's dates, so no keychain is involved here.
 */
describe('main delivers reminders: notifications, tray, close to tray, power events', () => {
  beforeAll(async () => {
    const vault = await Vault.init({ home, keyStore });
    vault.add({ name: 'stripe-live', rotateEveryDays: 30, rotatedAt: daysAgo(35) }, sampleKeys.stripe());
    vault.add({ name: 'gh-ci', rotateEveryDays: 30, rotatedAt: daysAgo(25) }, sampleKeys.github());
    vault.add({ name: 'fresh', rotateEveryDays: 90 }, sampleKeys.generic());
    vault.close();
    process.env['REKEY_HOME'] = home;
    await import('../../../electron/main/main.js');
    await standIn.fireReady();
  });

  afterAll(() => {
    delete process.env['REKEY_HOME'];
    dir.remove();
  });

  it('checks at start: one OS notification per key that needs it, names only', () => {
    expect(standIn.calls.notifications.map((n) => n.options.title)).toEqual([
      'stripe-live is overdue by 5 days',
      'gh-ci is due for rotation in 5 days',
    ]);
    expect(standIn.calls.notifications.every((n) => n.shown)).toBe(true);
    expect(JSON.stringify(standIn.calls.notifications.map((n) => n.options))).not.toMatch(/sk_live_|ghp_/);
  });

  it('puts a tray icon up with the count and a menu of the keys due', () => {
    const [tray] = standIn.calls.trays;
    expect(standIn.calls.trays).toHaveLength(1);
    expect((tray?.image as { path: string }).path).toMatch(/[/\\]tray[/\\]tray-icon\.png$/);
    expect(tray?.tooltip).toBe('Rekey: 2 keys need rotating');
    expect(tray?.title).toBe('2');
    expect(tray?.menu.map((item) => item.label ?? '—')).toEqual([
      'Open Rekey',
      '—',
      'Keys due (2)',
      'stripe-live — overdue',
      'gh-ci — due soon',
      '—',
      'Lock',
      'Quit Rekey',
    ]);
  });

  it('closing the window hides it to the tray; a notification click brings it back', () => {
    const [window] = standIn.calls.windows;
    window?.show();
    expect(window?.close()).toBe(true);
    expect(window?.visible).toBe(false);
    standIn.calls.notifications[0]?.click();
    expect(window?.visible).toBe(true);
    expect(standIn.calls.windows).toHaveLength(1);
  });

  it('a restart-like re-check (resume from sleep) repeats nothing; a newly exposed key is told at once', async () => {
    standIn.emitPower('resume');
    expect(standIn.calls.notifications).toHaveLength(2);
    const vault = await Vault.open({ home, keyStore });
    vault.markExposed('fresh');
    vault.close();
    standIn.emitPower('resume');
    expect(standIn.calls.notifications.map((n) => n.options.title).slice(2)).toEqual(['fresh is marked as exposed']);
    expect(standIn.calls.trays[0]?.tooltip).toBe('Rekey: 3 keys need rotating');
  });

  it('listens for screen lock and suspend, and the window learns it is locked', async () => {
    standIn.emitPower('lock-screen');
    standIn.emitPower('suspend');
    const [window] = standIn.calls.windows;
    const poll = await standIn.calls.handled.get(CHANNELS.pollApp)?.({ senderFrame: window?.webContents.mainFrame }, {});
    expect(poll).toEqual({ ok: true, value: { locked: true, focus: null } });
  });

  it('Quit in the tray menu quits; the window close is no longer held back', () => {
    standIn.calls.trays[0]?.choose('Quit Rekey');
    expect(standIn.calls.quit).toBe(1);
    standIn.emitApp('before-quit', { preventDefault: () => undefined });
    expect(standIn.calls.windows[0]?.close()).toBe(false);
  });
});
