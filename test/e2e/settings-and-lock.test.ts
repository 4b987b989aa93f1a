import { describe, expect, it } from 'vitest';
import { hasMasterPassword } from '../../electron/core/index.js';
import { openRowMenu, row, startAdd, toast, waitForVault } from './support/app-steps.js';
import { useRekeyApp } from './support/lifecycle.js';
import { sampleKeys } from '../support/sample-keys.js';

const rekey = useRekeyApp();
const PASSWORD = 'copper kettle 4 winds';

describe('settings', () => {
  it('a change is validated by main, shown under its field, and persists across a reload', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await app.seed('addSecret', { name: 'gh-ci', value: sampleKeys.github() });
    await app.load();
    await waitForVault(page);

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Settings', exact: true }).isVisible()).toBe(true);
    for (const section of ['Rotation reminders', 'Security', 'Startup']) {
      await expect.poll(() => page.getByRole('heading', { name: section, exact: true }).isVisible()).toBe(true);
    }
    const lead = page.getByLabel('Lead time', { exact: true });
    expect(await lead.inputValue()).toBe('14');
    await app.snap('settings');

    await lead.fill('400');
    const reminders = page.getByRole('form', { name: 'Rotation reminders' });
    await reminders.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => reminders.getByRole('alert').innerText()).toBe('The lead time can be at most 365 days.');
    expect(await lead.getAttribute('aria-invalid')).toBe('true');
    await app.snap('settings-error');
    expect((await app.seed('getSettings', {})).settings.leadDays).toBe(14);

    await lead.fill('seven');
    await reminders.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => reminders.getByRole('alert').innerText()).toBe('The lead time must be a whole number of days.');

    await lead.fill('7');
    await page.getByLabel('Overdue repeat', { exact: true }).fill('5');
    await reminders.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => reminders.getByRole('status').innerText()).toBe('Saved');
    expect(await reminders.getByRole('alert').count()).toBe(0);

    const security = page.getByRole('form', { name: 'Security' });
    await page.getByLabel('Auto-lock after', { exact: true }).fill('-1');
    await security.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => security.getByRole('alert').innerText()).toBe('Auto-lock cannot be negative; 0 turns it off.');
    await page.getByLabel('Auto-lock after', { exact: true }).fill('0');
    await security.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => security.getByRole('status').innerText()).toBe('Saved');

    // switches save at once, and work from the keyboard
    const notifications = page.getByRole('switch', { name: 'Show notifications' });
    await notifications.focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => (await app.seed('getSettings', {})).settings.notifications).toBe(false);

    expect((await app.seed('getSettings', {})).settings).toMatchObject({
      leadDays: 7,
      overdueRepeatDays: 5,
      autoLockMinutes: 0,
      notifications: false,
    });
    await app.load();
    await waitForVault(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect.poll(() => page.getByLabel('Lead time', { exact: true }).inputValue()).toBe('7');
    expect(await page.getByRole('switch', { name: 'Show notifications' }).isChecked()).toBe(false);

    await page.getByRole('button', { name: 'Back to keys' }).click();
    await expect.poll(() => row(page, 'gh-ci').isVisible()).toBe(true);
  });

  it('Add pre-fills the rotation interval from Settings (the provider’s own when it has one), and the key gets it', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await app.seed('saveSettings', { defaultRotateEveryDays: 30 });
    await app.load();
    await waitForVault(page);

    const aws = `AKIA${Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(Math.random() * 32)]).join('')}`;
    let dialog = await startAdd(page, aws);
    await expect.poll(() => dialog.getByLabel('Rotate every').inputValue()).toBe('60');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    dialog = await startAdd(page, sampleKeys.openai());
    await expect.poll(() => dialog.getByLabel('Rotate every').inputValue()).toBe('30');
    await dialog.getByLabel('Name', { exact: true }).fill('openai-dev');
    await dialog.getByRole('button', { name: 'Add to vault' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const added = (await app.seed('listSecrets', {})).find((secret) => secret.name === 'openai-dev');
    expect(added?.rotateEveryDays).toBe(30);
  });

  it('per-key reminders: snooze a week and a lead time of its own, checked by main', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await app.seed('addSecret', { name: 'stripe-live', value: sampleKeys.stripe() });
    await app.load();
    await waitForVault(page);

    await openRowMenu(page, 'stripe-live', 'Reminders…');
    const dialog = page.getByRole('dialog', { name: 'Reminders for stripe-live' });
    await dialog.getByRole('radio', { name: 'For 1 week' }).check();
    const lead = dialog.getByLabel('Lead time for this key');
    await lead.fill('400');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toBe('The lead time can be at most 365 days.');
    await app.snap('reminders-dialog');
    await lead.fill('30');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => toast(page, /^Reminders for stripe-live snoozed until /).isVisible()).toBe(true);
    const stored = await app.seed('keyReminders', { name: 'stripe-live' });
    expect(stored.leadDays).toBe(30);
    expect(new Date(stored.snoozedUntil ?? 0).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  });
});

describe('lock and master password', () => {
  it('without a master password, Lock says honestly that it only hides the window', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await app.load();
    await waitForVault(page);
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Rekey is locked' }).isVisible()).toBe(true);
    expect(await page.getByText('Without a master password, this lock is only a curtain').isVisible()).toBe(true);
    expect(await page.getByLabel('Master password').count()).toBe(0);
    await app.snap('lock-no-password');
    await page.getByRole('button', { name: 'Open vault' }).click();
    await waitForVault(page);
  });

  it('set a master password, lock, wrong passwords are throttled, the right one unlocks', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    app.recorder.track(PASSWORD);
    const value = app.recorder.track(sampleKeys.openai());
    await app.seed('addSecret', { name: 'openai-prod', value });
    await app.load();
    await waitForVault(page);

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('button', { name: 'Set master password…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set a master password' });
    await dialog.getByLabel('New master password', { exact: true }).fill('short');
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toBe('The master password must be at least 8 characters long.');
    await dialog.getByLabel('New master password', { exact: true }).fill(PASSWORD);
    await dialog.getByLabel('New master password again').fill(`${PASSWORD}!`);
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toBe('The two passwords differ.');
    await dialog.getByLabel('New master password again').fill(PASSWORD);
    await app.snap('master-password-dialog');
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => toast(page, 'Master password set').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('A master password is set').isVisible()).toBe(true);
    expect(await hasMasterPassword({ home: app.home, keyStore: app.keyStore })).toBe(true);
    await app.snap('settings-with-password');

    await page.getByRole('button', { name: 'Back to keys' }).click();
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    const password = page.getByLabel('Master password');
    await expect.poll(() => password.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    await app.snap('lock');
    // the key is out of reach while locked
    expect(app.recorder.calls('rekey:vault:lock').length).toBe(1);

    const unlock = page.getByRole('button', { name: 'Unlock' });
    await password.fill('not the password');
    await unlock.click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 20_000 }).toBe('Wrong master password.');
    await password.fill('still not the password');
    await unlock.click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 20_000 }).toBe('Wrong master password. Try again in 1 second.');
    // each wait is the one main announced; a busy machine only makes the next try later, never earlier
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await password.fill('third wrong try');
    await unlock.click();
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 20_000 })
      .toBe('Wrong master password. Try again in 2 seconds.');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await password.fill('fourth wrong try');
    await unlock.click();
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 20_000 })
      .toBe('Wrong master password. Try again in 4 seconds.');
    // the right password inside the 4 s is refused without being tried
    await password.fill(PASSWORD);
    await unlock.click();
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 20_000 })
      .toMatch(/^Too many wrong master passwords\. Try again in [1-4] seconds?\.$/);
    await app.snap('lock-throttled');
    await new Promise((resolve) => setTimeout(resolve, 4100));
    await password.fill(PASSWORD);
    await unlock.click();
    await waitForVault(page);
    await expect.poll(() => row(page, 'openai-prod').isVisible()).toBe(true);
    // seven scrypt runs of ~0.4 s each and 7 s of announced waits: more than the default 60 s on a busy machine
  }, 120_000);

  it('a lock from main (idle, screen lock, the tray) reaches the window within a poll', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await app.load();
    await waitForVault(page);
    await app.seed('lockVault', {});
    await expect.poll(() => page.getByRole('heading', { name: 'Rekey is locked' }).isVisible(), { timeout: 10_000 }).toBe(true);
  });
});
