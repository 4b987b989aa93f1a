import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toast, waitForVault } from './support/app-steps.js';
import { useRekeyApp } from './support/lifecycle.js';
import { sampleKeys } from '../support/sample-keys.js';

const rekey = useRekeyApp();
const PASSPHRASE = 'plum tractor seven lanterns';

describe('backup and restore in the window', () => {
  it('backs up from the vault actions menu, and restores into a fresh vault from the welcome screen; a wrong passphrase is refused', async () => {
    // ---- back up
    const source = await rekey.open({ initialised: true });
    const values = { github: source.recorder.track(sampleKeys.github()), stripe: source.recorder.track(sampleKeys.stripe()) };
    await source.seed('addSecret', { name: 'gh-ci', value: values.github, project: 'web' });
    await source.seed('addSecret', { name: 'stripe', value: values.stripe, project: 'api' });
    await source.seed('rotateSecret', { name: 'stripe', value: source.recorder.track(sampleKeys.stripe()) });
    await source.load();
    const { page } = source;
    await waitForVault(page);

    await page.getByRole('button', { name: 'Vault actions' }).click();
    await page.getByRole('menuitem', { name: 'Back up vault…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Back up the vault' });
    const passphrase = dialog.getByLabel('Passphrase', { exact: true });
    const again = dialog.getByLabel('Passphrase again');
    // focus starts in the passphrase field, so the keyboard alone can do the rest
    await expect.poll(() => passphrase.evaluate((element) => element === document.activeElement)).toBe(true);

    await passphrase.fill('short');
    await dialog.getByRole('button', { name: 'Save backup…' }).click();
    await expect.poll(() => dialog.getByRole('alert').first().innerText()).toMatch(/at least 10 characters/);
    expect(source.recorder.calls('rekey:backup:save')).toHaveLength(0);

    await passphrase.fill('password123');
    await expect.poll(() => dialog.locator('.strength__text').innerText()).toMatch(/^Weak\./);
    await passphrase.fill(PASSPHRASE);
    await expect.poll(() => dialog.locator('.strength__text').innerText()).toMatch(/^(Strong|Very strong)\./);
    await again.fill(`${PASSPHRASE}!`);
    await dialog.getByRole('button', { name: 'Save backup…' }).click();
    await expect.poll(() => dialog.getByText('The two passphrases differ.').isVisible()).toBe(true);
    await again.fill(PASSPHRASE);
    await source.snap('backup-dialog');

    // cancelling the native save dialog writes nothing
    source.dialogs.backupTarget = null;
    await again.press('Enter');
    await expect.poll(() => dialog.getByText('Nothing was saved.').isVisible()).toBe(true);

    const file = join(source.workDir, 'vault.rekey-backup');
    source.dialogs.backupTarget = file;
    await dialog.getByRole('button', { name: 'Save backup…' }).click();
    await expect.poll(() => toast(page, 'Backed up 2 keys').isVisible()).toBe(true);
    expect(await toast(page, 'Backed up 2 keys').innerText()).toContain('3 versions');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const value of Object.values(values)) expect(readFileSync(file).includes(Buffer.from(value))).toBe(false);
    expect(source.dialogs.lastDefaultName).toMatch(/^rekey-\d{4}-\d{2}-\d{2}\.rekey-backup$/);

    // ---- restore into a fresh vault (its own folder)
    const target = await rekey.open();
    await target.load();
    const welcome = target.page;
    await expect.poll(() => welcome.getByRole('heading', { name: 'Welcome to Rekey' }).isVisible()).toBe(true);
    await welcome.getByRole('button', { name: 'Restore from a backup…' }).click();
    const restore = welcome.getByRole('dialog', { name: 'Restore from a backup' });
    await target.snap('restore-choose');
    target.dialogs.backupSource = file;
    await restore.getByRole('button', { name: 'Choose backup file…' }).click();
    await expect.poll(() => restore.getByText(file).isVisible()).toBe(true);

    await restore.getByLabel('Passphrase').fill('not the passphrase at all');
    await restore.getByRole('button', { name: 'Restore' }).click();
    await expect
      .poll(() => restore.getByRole('alert').innerText())
      .toMatch(/The passphrase does not open this backup\. Nothing was changed\./);
    expect(existsSync(join(target.home, 'vault.db'))).toBe(false);
    await target.snap('restore-wrong-passphrase');

    await restore.getByLabel('Passphrase').fill(PASSPHRASE);
    await restore.getByLabel('Passphrase').press('Enter');
    await waitForVault(welcome);
    await expect.poll(() => toast(welcome, 'Restored 2 keys').isVisible()).toBe(true);
    await expect.poll(() => welcome.getByText('gh-ci', { exact: true }).first().isVisible()).toBe(true);
    expect((await target.seed('reveal', { name: 'gh-ci' })).value).toBe(values.github);
    expect((await target.seed('history', { name: 'stripe' })).versions).toHaveLength(2);
    await target.snap('restored-vault');
  });
  it('Settings → Backup makes the same backup; a vault with a master password comes back locked and opens only with it', async () => {
    const source = await rekey.open({ initialised: true });
    const value = source.recorder.track(sampleKeys.github());
    await source.seed('addSecret', { name: 'gh-ci', value });
    await source.seed('setMasterPassword', { next: 'master password one' });
    await source.load();
    const { page } = source;
    await waitForVault(page);

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Backup', exact: true }).isVisible()).toBe(true);
    await page.getByRole('heading', { name: 'Backup', exact: true }).scrollIntoViewIfNeeded();
    await source.snap('settings-backup');
    await page.getByRole('button', { name: 'Back up vault…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Back up the vault' });
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel('Passphrase again').fill(PASSPHRASE);
    const file = join(source.workDir, 'locked.rekey-backup');
    source.dialogs.backupTarget = file;
    await dialog.getByRole('button', { name: 'Save backup…' }).click();
    await expect.poll(() => toast(page, 'Backed up 1 key').isVisible(), { timeout: 20_000 }).toBe(true);

    const target = await rekey.open();
    await target.load();
    await target.page.getByRole('button', { name: 'Restore from a backup…' }).click();
    const restore = target.page.getByRole('dialog', { name: 'Restore from a backup' });
    target.dialogs.backupSource = file;
    await restore.getByRole('button', { name: 'Choose backup file…' }).click();
    await restore.getByLabel('Passphrase').fill(PASSPHRASE);
    await restore.getByRole('button', { name: 'Restore' }).click();
    // the master password came back with the vault: the lock screen, not the keys
    const password = target.page.getByLabel('Master password');
    await expect.poll(() => password.isVisible(), { timeout: 20_000 }).toBe(true);
    await password.fill('master password one');
    await target.page.getByRole('button', { name: 'Unlock' }).click();
    await waitForVault(target.page);
    expect((await target.seed('reveal', { name: 'gh-ci' })).value).toBe(value);
  });
});
