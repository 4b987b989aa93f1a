import { addDays, format } from 'date-fns';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openRowMenu, row, startAdd, toast, waitForVault } from './support/app-steps.js';
import { useRekeyApp } from './support/lifecycle.js';
import type { RekeyApp } from './support/rekey-app.js';
import { sampleKeys } from '../support/sample-keys.js';

const rekey = useRekeyApp();

/** The error shown under one field of a dialog. */
const fieldError = (dialog: Locator, label: string) =>
  dialog.locator('.field', { has: dialog.page().getByLabel(label, { exact: true }) }).locator('.field__error');

/** What main answered to the last call on a channel, when it was an error. */
function lastError(app: RekeyApp, channel: string): string {
  const result = app.recorder.calls(channel).at(-1)?.result as { ok: boolean; error?: { message: string } } | undefined;
  if (!result || result.ok || !result.error) throw new Error(`the last ${channel} call did not fail`);
  return result.error.message;
}

describe('bad input and failed calls', () => {
  it('shows main’s validation messages in Add, under the field they are about', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await app.seed('addSecret', { name: 'taken', value: app.recorder.track(sampleKeys.github()) });
    await app.load();
    await waitForVault(page);

    // nothing pasted: said before asking main
    await page.getByRole('button', { name: 'Add key' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a key' });
    await dialog.getByRole('button', { name: 'Add to vault' }).click();
    expect(await fieldError(dialog, 'Key').innerText()).toBe('Paste the key you want to keep.');
    expect(app.recorder.calls('rekey:secrets:add')).toHaveLength(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    dialog = await startAdd(page, app.recorder.track(sampleKeys.openai()));
    const name = dialog.getByLabel('Name', { exact: true });
    const submit = dialog.getByRole('button', { name: 'Add to vault' });

    await name.fill('my key!');
    await submit.click();
    await expect.poll(() => fieldError(dialog, 'Name').innerText()).toBe(lastError(app, 'rekey:secrets:add'));
    expect(await fieldError(dialog, 'Name').innerText()).toMatch(/^Invalid name: a name starts with a letter or digit/);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await app.snap('add-error');

    await name.fill('taken');
    await submit.click();
    await expect.poll(() => fieldError(dialog, 'Name').innerText()).toBe('A secret named "taken" already exists.');

    await name.fill('openai-ok');
    await dialog.getByLabel('Rotate every').fill('0');
    await submit.click();
    await expect.poll(() => fieldError(dialog, 'Rotate every').innerText()).toBe(lastError(app, 'rekey:secrets:add'));
    expect(await fieldError(dialog, 'Rotate every').innerText()).toMatch(/rotateEveryDays|rotation interval/);

    await dialog.getByLabel('Rotate every').fill('30');
    await dialog.getByLabel('Last rotated').fill(format(addDays(new Date(), 3), 'yyyy-MM-dd'));
    await submit.click();
    await expect.poll(() => fieldError(dialog, 'Last rotated').innerText()).toBe('Invalid rotation date: it is in the future.');

    await dialog.getByLabel('Env var', { exact: true }).fill('1BAD');
    await dialog.getByLabel('Last rotated').fill('');
    await submit.click();
    await expect.poll(() => fieldError(dialog, 'Env var').innerText()).toMatch(/^Invalid env var name: /);

    await dialog.getByLabel('Env var', { exact: true }).fill('OPENAI_API_KEY');
    await submit.click();
    await expect.poll(() => row(page, 'openai-ok').isVisible()).toBe(true);
    expect(await row(page, 'openai-ok').locator('.due').innerText()).toBe('Due in 30 days');
    // no message anywhere carried a stack trace
    expect(await page.content()).not.toMatch(/\n\s+at \S+ \(/);
  });

  it('edits metadata, with main’s errors shown plainly', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await app.seed('addSecret', { name: 'gh-ci', value: app.recorder.track(sampleKeys.github()), project: 'web' });
    await app.load();
    await waitForVault(page);

    await openRowMenu(page, 'gh-ci', 'Edit details…');
    const dialog = page.getByRole('dialog', { name: 'Edit gh-ci' });
    await dialog.getByLabel('Env var', { exact: true }).fill('GH TOKEN');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => fieldError(dialog, 'Env var').innerText()).toBe(lastError(app, 'rekey:secrets:edit'));
    await app.snap('edit');

    await dialog.getByLabel('Env var', { exact: true }).fill('GH_TOKEN');
    await dialog.getByLabel('Name', { exact: true }).fill('github-ci');
    await dialog.getByLabel('Project').fill('infra');
    await dialog.getByLabel('Rotate every').fill('30');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => row(page, 'github-ci').isVisible()).toBe(true);
    expect(app.recorder.calls('rekey:secrets:edit').at(-1)?.input).toEqual({
      name: 'gh-ci',
      patch: { name: 'github-ci', envVar: 'GH_TOKEN', project: 'infra', rotateEveryDays: 30 },
    });
    expect(await row(page, 'github-ci').locator('.secret-row__env').innerText()).toBe('GH_TOKEN');
    expect(await row(page, 'github-ci').locator('.due').innerText()).toBe('Due in 30 days');
    await expect.poll(() => toast(page, 'Saved github-ci').isVisible()).toBe(true);
  });

  it('asks before deleting, and deletes', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await app.seed('addSecret', { name: 'old-key', value: app.recorder.track(sampleKeys.stripe()) });
    await app.seed('addSecret', { name: 'keep-me', value: app.recorder.track(sampleKeys.github()) });
    await app.load();
    await waitForVault(page);

    await openRowMenu(page, 'old-key', 'Delete…');
    const dialog = page.getByRole('dialog', { name: 'Delete old-key?' });
    await expect.poll(() => page.locator(':focus').innerText()).toBe('Cancel');
    await app.snap('delete');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await row(page, 'old-key').isVisible()).toBe(true);
    expect(app.recorder.calls('rekey:secrets:delete')).toHaveLength(0);

    await openRowMenu(page, 'old-key', 'Delete…');
    await dialog.getByRole('button', { name: 'Delete key' }).click();
    await expect.poll(() => row(page, 'old-key').count()).toBe(0);
    await expect.poll(() => toast(page, 'Deleted old-key').isVisible()).toBe(true);
    expect((await app.seed('listSecrets', {})).map((secret) => secret.name)).toEqual(['keep-me']);
  });

  it('turns every failed call into its message in a toast, never a stack', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await app.seed('addSecret', { name: 'gone-soon', value: app.recorder.track(sampleKeys.github()) });
    await app.load();
    await waitForVault(page);
    await expect.poll(() => row(page, 'gone-soon').isVisible()).toBe(true);
    // another process (the CLI) deletes the key while the window still lists it
    await app.seed('deleteSecret', { name: 'gone-soon' });

    await page.getByRole('button', { name: 'Copy gone-soon' }).click();
    const copyError = toast(page, 'Couldn’t copy gone-soon');
    await expect.poll(() => copyError.isVisible()).toBe(true);
    expect(await copyError.getAttribute('role')).toBe('alert');
    expect(await copyError.locator('.toast__detail').innerText()).toBe(lastError(app, 'rekey:secrets:copy'));
    expect(await copyError.innerText()).toMatch(/No secret named "gone-soon"/);
    expect(await copyError.innerText()).not.toMatch(/\bat \S+:\d+/);
    await app.snap('error-toast');

    await page.getByRole('button', { name: 'Reveal gone-soon' }).click();
    await expect.poll(() => toast(page, 'Couldn’t reveal gone-soon').isVisible()).toBe(true);
    expect(await page.locator('[data-revealed-for="gone-soon"]').count()).toBe(0);

    await openRowMenu(page, 'gone-soon', 'Mark as exposed');
    const exposeError = toast(page, 'Couldn’t mark gone-soon as exposed');
    await expect.poll(() => exposeError.isVisible()).toBe(true);
    expect(await exposeError.locator('.toast__detail').innerText()).toBe(lastError(app, 'rekey:secrets:expose'));

    await page.getByRole('button', { name: 'Rotate gone-soon' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate gone-soon' });
    await rotate.getByLabel('New key').fill(app.recorder.track(sampleKeys.github()));
    await rotate.getByRole('button', { name: 'Rotate key' }).click();
    await expect.poll(() => rotate.getByRole('alert').innerText()).toBe(lastError(app, 'rekey:secrets:rotate'));
  });
});
