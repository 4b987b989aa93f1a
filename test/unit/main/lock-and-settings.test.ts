import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type Result } from '../../../electron/contract/index.js';
import { MemoryKeyStore, type Settings } from '../../../electron/core/index.js';
import { type RekeyServices, createRekeyServices } from '../../../electron/main/services.js';
import { ManualTimers, MemoryClipboard, ScriptedDialogs } from '../../support/main-stand-ins.js';
import { FixedClock, tempDir } from '../../support/temp-vault.js';
import { sampleKeys } from '../../support/sample-keys.js';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const PASSWORD = 'violet harbour 77';

describe('lock, unlock, master password and settings behind the IPC contract', () => {
  let dir: ReturnType<typeof tempDir>;
  let services: RekeyServices;
  let clipboard: MemoryClipboard;
  let clock: FixedClock;
  let keyStore: MemoryKeyStore;
  const seen: string[] = [];

  const call = async <T = unknown>(channel: string, input: unknown = {}): Promise<Result<T>> => {
    const result = await services.dispatch(channel, input, { trusted: true });
    seen.push(JSON.stringify(result));
    return result as Result<T>;
  };
  const value = async <T = unknown>(channel: string, input: unknown = {}): Promise<T> => {
    const result = await call<T>(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const error = async (channel: string, input: unknown = {}) => {
    const result = await call(channel, input);
    if (result.ok) throw new Error(`${channel} should have failed`);
    return result.error;
  };

  beforeEach(async () => {
    dir = tempDir();
    clipboard = new MemoryClipboard();
    clock = new FixedClock(new Date('2026-06-01T09:00:00Z'));
    seen.length = 0;
    keyStore = new MemoryKeyStore();
    const options = {
      home: join(dir.path, 'vault'),
      keyStore,
      clipboard,
      dialogs: new ScriptedDialogs(),
      timers: new ManualTimers(),
      clock,
      kdfCost: CHEAP,
    };
    services = createRekeyServices(options);
    await value(CHANNELS.initVault);
    await value(CHANNELS.addSecret, { name: 'gh', value: sampleKeys.github() });
  });
  afterEach(async () => {
    await services.close();
    dir.remove();
  });

  it('without a master password, lock wipes the key and a click unlocks; the window learns it by polling', async () => {
    await value(CHANNELS.copy, { name: 'gh' });
    expect(await value(CHANNELS.lockVault)).toMatchObject({ state: 'locked', hasPassword: false });
    expect(clipboard.text).toBe('');
    expect(await error(CHANNELS.reveal, { name: 'gh' })).toEqual({
      code: 'locked',
      message: 'The vault is locked. Unlock it to continue.',
    });
    expect(await value(CHANNELS.vaultStatus)).toMatchObject({ state: 'locked' });
    expect(await value(CHANNELS.pollApp)).toEqual({ locked: true, focus: null });
    expect(await value(CHANNELS.unlockVault)).toMatchObject({ state: 'ready' });
    expect(await value(CHANNELS.pollApp)).toEqual({ locked: false, focus: null });
  });

  it('a notification click is handed to the window once, and only once it is unlocked', async () => {
    await services.lock();
    services.requestFocus('gh');
    expect(await value(CHANNELS.pollApp)).toEqual({ locked: true, focus: null });
    await value(CHANNELS.unlockVault);
    expect(await value(CHANNELS.pollApp)).toEqual({ locked: false, focus: 'gh' });
    expect(await value(CHANNELS.pollApp)).toEqual({ locked: false, focus: null });
  });

  it('with a master password: unlock needs it, wrong ones are throttled, and the password never comes back', async () => {
    expect(await value(CHANNELS.setMasterPassword, { next: PASSWORD })).toEqual({ hasPassword: true, change: 'set' });
    await value(CHANNELS.lockVault);
    expect(await value(CHANNELS.vaultStatus)).toMatchObject({ state: 'locked', hasPassword: true });
    expect((await error(CHANNELS.unlockVault)).code).toBe('password-required');
    expect(await error(CHANNELS.unlockVault, { password: 'nope' })).toEqual({ code: 'wrong-password', message: 'Wrong master password.' });
    expect(await error(CHANNELS.unlockVault, { password: 'nope' })).toEqual({
      code: 'wrong-password',
      message: 'Wrong master password. Try again in 1 second.',
    });
    expect(await error(CHANNELS.unlockVault, { password: PASSWORD })).toEqual({
      code: 'throttled',
      message: 'Too many wrong master passwords. Try again in 1 second.',
    });
    clock.set('2026-06-01T09:00:05Z');
    expect(await value(CHANNELS.unlockVault, { password: PASSWORD })).toMatchObject({ state: 'ready' });
    expect((await error(CHANNELS.setMasterPassword, { next: 'short' })).message).toBe(
      'Invalid request: next: The master password must be at least 8 characters long.',
    );
    expect(await value(CHANNELS.setMasterPassword, { current: PASSWORD, next: null })).toEqual({ hasPassword: false, change: 'remove' });
    for (const response of seen) expect(response).not.toContain(PASSWORD);
  });

  it('a fresh app on a vault with a master password starts locked', async () => {
    await value(CHANNELS.setMasterPassword, { next: PASSWORD });
    await services.close();
    services = createRekeyServices({ home: join(dir.path, 'vault'), keyStore, clipboard, dialogs: new ScriptedDialogs(), clock });
    expect(await value(CHANNELS.vaultStatus)).toMatchObject({ state: 'locked', hasPassword: true });
    expect((await error(CHANNELS.listSecrets)).code).toBe('locked');
    // reminders and settings do not need the key
    expect(services.checkReminders()?.attention).toEqual([]);
    expect((await value<{ hasPassword: boolean }>(CHANNELS.getSettings)).hasPassword).toBe(true);
    expect(await value(CHANNELS.unlockVault, { password: PASSWORD })).toMatchObject({ state: 'ready' });
    expect(await value(CHANNELS.listSecrets)).toHaveLength(1);
  });

  it('settings: read with defaults, saved when valid, refused field by field when not', async () => {
    const initial = await value<{ settings: Settings; hasPassword: boolean }>(CHANNELS.getSettings);
    expect(initial).toEqual({
      settings: {
        defaultRotateEveryDays: 90,
        leadDays: 14,
        overdueRepeatDays: 3,
        clipboardClearSeconds: 30,
        autoLockMinutes: 15,
        launchAtLogin: false,
        notifications: true,
      },
      hasPassword: false,
    });
    const changes: Settings[] = [];
    services.onSettingsChanged((next) => changes.push(next));
    expect((await value<{ settings: Settings }>(CHANNELS.saveSettings, { leadDays: 7, launchAtLogin: true })).settings).toMatchObject({
      leadDays: 7,
      launchAtLogin: true,
    });
    expect(changes).toHaveLength(1);
    expect(services.settings()?.leadDays).toBe(7);
    expect(await error(CHANNELS.saveSettings, { overdueRepeatDays: 0 })).toEqual({
      code: 'invalid-input',
      message: 'Invalid request: overdueRepeatDays: The overdue repeat must be at least 1 day.',
    });
    expect(await error(CHANNELS.saveSettings, { clipboardClearSeconds: 'soon' })).toEqual({
      code: 'invalid-input',
      message: 'Invalid request: clipboardClearSeconds: Clipboard clearing must be a whole number of seconds.',
    });
    expect((await error(CHANNELS.saveSettings, { theme: 'dark' })).code).toBe('invalid-input');
    // the clipboard follows the setting
    await value(CHANNELS.saveSettings, { clipboardClearSeconds: 45 });
    expect(await value(CHANNELS.copy, { name: 'gh' })).toEqual({ clearsInSeconds: 45 });
  });

  it('per-key reminders: snooze and lead time, validated', async () => {
    expect(await value(CHANNELS.keyReminders, { name: 'gh' })).toEqual({ snoozedUntil: null, leadDays: null });
    expect(await value(CHANNELS.setKeyReminders, { name: 'gh', snooze: '1w', leadDays: 30 })).toEqual({
      snoozedUntil: '2026-06-08T09:00:00.000Z',
      leadDays: 30,
    });
    expect(await value(CHANNELS.setKeyReminders, { name: 'gh', snooze: 'none', leadDays: null })).toEqual({
      snoozedUntil: null,
      leadDays: null,
    });
    expect((await error(CHANNELS.setKeyReminders, { name: 'gh', leadDays: 400 })).message).toBe(
      'Invalid request: leadDays: The lead time can be at most 365 days.',
    );
    expect((await error(CHANNELS.setKeyReminders, { name: 'ghost', snooze: '1d' })).code).toBe('not-found');
  });
});
