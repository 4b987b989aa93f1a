import { afterEach, describe, expect, it } from 'vitest';
import { MemoryKeyStore, VaultMetadata } from '../../../electron/core/index.js';
import { type TempVault, FixedClock, createTempVault } from '../../support/temp-vault.js';
import { sampleKeys } from '../../support/sample-keys.js';

let temp: TempVault | undefined;
afterEach(() => temp?.dispose());

async function vaultWithKeys(): Promise<TempVault> {
  temp = await createTempVault(new MemoryKeyStore(), new FixedClock(new Date('2026-06-01T09:00:00Z')));
  temp.vault.add({ name: 'due-in-10', rotateEveryDays: 10 }, sampleKeys.generic());
  temp.vault.add({ name: 'due-in-60', rotateEveryDays: 60 }, sampleKeys.generic());
  return temp;
}

const said = (check: { notices: Array<{ name: string; kind: string }> }) => check.notices.map((notice) => `${notice.name}:${notice.kind}`);

describe('reminder state in the vault file', () => {
  it('a restart never repeats a notice: a second process reading the same file stays quiet', async () => {
    const { home, clock } = await vaultWithKeys();
    const first = VaultMetadata.open(home, clock);
    expect(said(first.checkReminders())).toEqual(['due-in-10:due-soon']);
    first.close();
    // "the app restarts": a new connection, same instant and an hour later
    const second = VaultMetadata.open(home, clock);
    expect(said(second.checkReminders())).toEqual([]);
    clock.set('2026-06-01T10:00:00Z');
    expect(said(second.checkReminders())).toEqual([]);
    clock.set('2026-06-11T09:00:00Z');
    expect(said(second.checkReminders())).toEqual(['due-in-10:due']);
    second.close();
  });

  it('per-key snooze and lead time are stored, shown, and honoured by the check', async () => {
    const { home, clock } = await vaultWithKeys();
    const metadata = VaultMetadata.open(home, clock);
    expect(metadata.setKeyReminders('due-in-10', { snooze: '1w' })).toEqual({ snoozedUntil: '2026-06-08T09:00:00.000Z', leadDays: null });
    expect(metadata.setKeyReminders('due-in-60', { leadDays: 60 })).toEqual({ snoozedUntil: null, leadDays: 60 });
    expect(said(metadata.checkReminders())).toEqual(['due-in-60:due-soon']);
    clock.set('2026-06-08T09:00:00Z');
    expect(said(metadata.checkReminders())).toEqual(['due-in-10:due-soon']);
    expect(metadata.keyReminders('due-in-10')).toEqual({ snoozedUntil: null, leadDays: null });
    expect(() => metadata.setKeyReminders('nope', { snooze: '1d' })).toThrow(/No secret named "nope"/);
    metadata.close();
  });

  it('counts what needs attention for the tray, and the list works without the vault key', async () => {
    const { home, clock, vault } = await vaultWithKeys();
    vault.markExposed('due-in-60');
    const metadata = VaultMetadata.open(home, clock);
    expect(metadata.checkReminders().attention.map((secret) => `${secret.name}:${secret.status}`)).toEqual([
      'due-in-60:exposed',
      'due-in-10:due-soon',
    ]);
    expect(metadata.list({ status: 'due-soon' }).map((secret) => secret.name)).toEqual(['due-in-10']);
    metadata.close();
  });

  it('settings: defaults, validated changes, and the vault follows lead time and default interval', async () => {
    const { home, clock, vault } = await vaultWithKeys();
    const metadata = VaultMetadata.open(home, clock);
    expect(metadata.settings()).toMatchObject({ leadDays: 14, overdueRepeatDays: 3, defaultRotateEveryDays: 90, autoLockMinutes: 15 });
    // saved through the open vault, which signs them (issue 13); the metadata side reads them while locked
    expect(() => vault.updateSettings({ leadDays: 400 })).toThrow('The lead time can be at most 365 days.');
    expect(() => vault.updateSettings({ leadDays: 1.5 })).toThrow('The lead time must be a whole number of days.');
    expect(() => vault.updateSettings({ colour: 'red' })).toThrow(/colour/);
    expect(metadata.settings().leadDays).toBe(14);
    vault.updateSettings({ leadDays: 5, defaultRotateEveryDays: 30 });
    expect(metadata.settings()).toMatchObject({ leadDays: 5, defaultRotateEveryDays: 30 });
    expect(vault.show('due-in-10').status).toBe('ok');
    expect(vault.add({ name: 'new' }, sampleKeys.generic()).secret.rotateEveryDays).toBe(30);
    // a provider's own interval still wins over the default
    expect(vault.add({ name: 'aws' }, sampleKeys.aws()).secret.rotateEveryDays).toBe(60);
    metadata.close();
  });
});
