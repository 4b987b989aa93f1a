import { describe, expect, it } from 'vitest';
import { openRowMenu, row, toast, waitForVault } from './support/app-steps.js';
import { useRekeyApp } from './support/lifecycle.js';
import { sampleKeys } from '../support/sample-keys.js';

const rekey = useRekeyApp();
const bullets = '••••••••';

describe('rotating a key', () => {
  it('checks the new value live against the provider, links to the rotate page, rotates, and undoes from History', async () => {
    const app = await rekey.open({ initialised: true });
    const { page, clipboard } = app;
    const first = app.recorder.track(sampleKeys.openai());
    const second = app.recorder.track(sampleKeys.openai());
    await app.seed('addSecret', { name: 'openai-prod', value: first, project: 'web' });
    await app.load();
    await waitForVault(page);

    await page.getByRole('button', { name: 'Rotate openai-prod' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate openai-prod' });
    const link = dialog.getByRole('link', { name: /Open the OpenAI key page/ });
    expect(await link.getAttribute('href')).toBe('https://platform.openai.com/api-keys');
    expect(await link.getAttribute('target')).toBe('_blank');

    const input = dialog.getByLabel('New key');
    await input.fill('sk-proj-not-really-a-key');
    await expect.poll(() => dialog.locator('.detection__verdict').innerText()).toBe('Doesn’t look like an OpenAI key');
    expect(await dialog.locator('.detection__warning').innerText()).toMatch(/\S/);
    await input.fill(second);
    await expect.poll(() => dialog.locator('.detection__verdict').innerText()).toBe('Looks like a valid OpenAI key');
    expect(await dialog.getByLabel('Masked preview').innerText()).toBe(`sk-proj-${bullets}${second.slice(-4)}`);
    expect(app.recorder.calls('rekey:secrets:detect').at(-1)?.input).toEqual({ value: second, provider: 'openai' });
    await app.snap('rotate');

    await dialog.getByRole('button', { name: 'Rotate key' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => toast(page, 'Rotated openai-prod').isVisible()).toBe(true);
    await expect.poll(() => row(page, 'openai-prod').locator('.masked').innerText()).toBe(`sk-proj-${bullets}${second.slice(-4)}`);

    await openRowMenu(page, 'openai-prod', 'History…');
    const history = page.getByRole('dialog', { name: 'History of openai-prod' });
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
    const [newest, older] = [history.locator('tbody tr').nth(0), history.locator('tbody tr').nth(1)];
    expect(await newest.innerText()).toContain('v2');
    expect(await newest.innerText()).toContain('Current');
    expect(await newest.locator('.masked').innerText()).toBe(`sk-proj-${bullets}${second.slice(-4)}`);
    expect(await older.locator('.masked').innerText()).toBe(`sk-proj-${bullets}${first.slice(-4)}`);
    expect(await older.locator('td').nth(3).innerText()).not.toBe('—');
    expect(await history.getByText('The last rotation can be undone').isVisible()).toBe(true);
    await app.snap('history');

    await history.getByRole('button', { name: 'Undo rotation' }).click();
    await expect.poll(() => history.locator('tbody tr').count()).toBe(1);
    expect(await history.getByText('The last rotation can be undone').count()).toBe(0);
    expect(await history.locator('tbody tr').first().locator('.masked').innerText()).toBe(`sk-proj-${bullets}${first.slice(-4)}`);
    await history.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => row(page, 'openai-prod').locator('.masked').innerText()).toBe(`sk-proj-${bullets}${first.slice(-4)}`);

    // the old value really is back: copying it puts the first value on the clipboard
    await page.getByRole('button', { name: 'Copy openai-prod' }).click();
    await expect.poll(() => clipboard.text).toBe(first);
  });

  it('undoes a rotation straight from the toast', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    const first = app.recorder.track(sampleKeys.github());
    const second = app.recorder.track(sampleKeys.github());
    await app.seed('addSecret', { name: 'gh-ci', value: first });
    await app.load();
    await waitForVault(page);

    await page.getByRole('button', { name: 'Rotate gh-ci' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate gh-ci' });
    await dialog.getByLabel('New key').fill(second);
    await expect.poll(() => dialog.locator('.detection__verdict').innerText()).toMatch(/^Looks like a valid GitHub/);
    await dialog.getByLabel('New key').press('Enter');
    await expect.poll(() => row(page, 'gh-ci').locator('.masked').innerText()).toBe(`ghp_${bullets}${second.slice(-4)}`);
    await toast(page, 'Rotated gh-ci').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => row(page, 'gh-ci').locator('.masked').innerText()).toBe(`ghp_${bullets}${first.slice(-4)}`);
    expect(app.recorder.calls('rekey:secrets:undo-rotate')).toHaveLength(1);
  });
});
