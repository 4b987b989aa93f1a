import { describe, expect, it } from 'vitest';
import { addKey, row, startAdd, toast, waitForVault } from './support/app-steps.js';
import { useRekeyApp } from './support/lifecycle.js';
import { sampleKeys } from '../support/sample-keys.js';

const rekey = useRekeyApp();

const bullets = '••••••••';

describe('adding a key and using its value', () => {
  it('detects a pasted OpenAI key, prefills the form, and lists it masked', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    const value = app.recorder.track(sampleKeys.openai());
    await app.load();
    await waitForVault(page);

    const dialog = await startAdd(page, value);
    await expect.poll(() => dialog.locator('.detection__verdict').innerText()).toBe('Detected an OpenAI key');
    expect(await dialog.getByLabel('Masked preview').innerText()).toBe(`sk-proj-${bullets}${value.slice(-4)}`);
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('openai-key');
    expect(await dialog.getByLabel('Env var', { exact: true }).inputValue()).toBe('OPENAI_API_KEY');
    expect(await dialog.getByLabel('Rotate every').inputValue()).toBe('90');
    // the pasted value is only in its password field: not in the page's markup, not in any attribute
    expect(await dialog.getByLabel('Key', { exact: true }).getAttribute('type')).toBe('password');
    expect(await page.content()).not.toContain(value);
    expect(await page.content()).not.toContain(value.slice(8, 40));
    await app.snap('add-key');

    await dialog.getByRole('button', { name: 'Add to vault' }).click();
    const added = row(page, 'openai-key');
    await expect.poll(() => added.isVisible()).toBe(true);
    expect(await added.locator('.masked').innerText()).toBe(`sk-proj-${bullets}${value.slice(-4)}`);
    expect(await added.locator('.provider-badge').innerText()).toBe('OpenAI');
    expect(await added.locator('.secret-row__env').innerText()).toBe('OPENAI_API_KEY');
    expect(await added.locator('.due').innerText()).toBe('Due in 90 days');
    await expect.poll(() => toast(page, 'Added openai-key').isVisible()).toBe(true);
    expect(await page.content()).not.toContain(value);
    expect(app.recorder.calls('rekey:secrets:add')).toHaveLength(1);
  });

  it('copies through main: the clipboard holds the value, the toast counts down, then the clipboard is cleared', async () => {
    const app = await rekey.open({ initialised: true, clipboardClearSeconds: 2 });
    const { page, clipboard } = app;
    const value = app.recorder.track(sampleKeys.github());
    await app.seed('addSecret', { name: 'gh-ci', value, project: 'api' });
    await app.load();
    await waitForVault(page);

    await page.getByRole('button', { name: 'Copy gh-ci' }).click();
    await expect.poll(() => clipboard.text).toBe(value);
    await expect.poll(() => toast(page, 'Copied — clears in 2 s').isVisible()).toBe(true);
    await app.snap('copied-toast');
    await expect.poll(() => toast(page, 'Copied — clears in 1 s').isVisible()).toBe(true);
    await expect.poll(() => clipboard.text, { timeout: 5000 }).toBe('');
    await expect.poll(() => toast(page, 'Clipboard cleared').isVisible()).toBe(true);
    // the value went to the clipboard from main; the copy answer carried only the countdown
    expect(app.recorder.calls('rekey:secrets:copy').map((call) => call.result)).toEqual([{ ok: true, value: { clearsInSeconds: 2 } }]);
    expect(await page.content()).not.toContain(value);
  });

  it('reveals a value for ten seconds, then masks it again', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    const value = app.recorder.track(sampleKeys.stripe());
    await app.seed('addSecret', { name: 'stripe-live', value });
    await app.load();
    await waitForVault(page);

    await page.getByRole('button', { name: 'Reveal stripe-live' }).click();
    const shown = page.locator('[data-revealed-for="stripe-live"]');
    await expect.poll(() => shown.innerText()).toBe(value);
    expect(app.recorder.revealsOf(value)).toBe(1);
    await app.snap('revealed');
    expect(await row(page, 'stripe-live').getByRole('button', { name: 'Hide stripe-live' }).getAttribute('aria-pressed')).toBe('true');

    const started = Date.now();
    await expect.poll(() => shown.count(), { timeout: 15_000, interval: 250 }).toBe(0);
    const hiddenAfter = (Date.now() - started) / 1000;
    expect(hiddenAfter).toBeGreaterThan(7);
    expect(await row(page, 'stripe-live').locator('.masked').innerText()).toBe(`sk_live_${bullets}${value.slice(-4)}`);
    expect(await page.content()).not.toContain(value);

    // Hide masks at once
    await page.getByRole('button', { name: 'Reveal stripe-live' }).click();
    await expect.poll(() => shown.innerText()).toBe(value);
    await page.getByRole('button', { name: 'Hide stripe-live' }).click();
    expect(await shown.count()).toBe(0);
    expect(await page.content()).not.toContain(value);
    expect(app.recorder.revealsOf(value)).toBe(2);
  });

  it('proves what crossed to the window: values only in reveal answers', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    const openai = app.recorder.track(sampleKeys.openai());
    const github = app.recorder.track(sampleKeys.github());
    const anthropic = app.recorder.track(sampleKeys.anthropic());
    const values = [openai, github, anthropic];
    await app.load();
    await waitForVault(page);
    await addKey(page, openai, { name: 'openai-prod', project: 'web' });
    await addKey(page, github, { name: 'gh-deploy', project: 'web' });
    await addKey(page, anthropic, { name: 'claude', project: 'api' });
    await page.getByRole('button', { name: 'Copy openai-prod' }).click();
    await page.getByRole('button', { name: 'Reveal claude' }).click();
    await expect.poll(() => page.locator('[data-revealed-for="claude"]').innerText()).toBe(anthropic);

    // the recorder sees plaintext when it crosses (the reveal), so "no leaks" below can fail
    expect(app.recorder.revealsOf(anthropic)).toBe(1);
    expect(app.recorder.leaks()).toEqual([]);
    // what the window lists came from main as masks: reload and look at the list answer itself
    await app.load();
    await waitForVault(page);
    await expect.poll(() => page.getByText('3 keys').isVisible()).toBe(true);
    const lists = app.recorder.calls('rekey:secrets:list');
    const listed = JSON.stringify(lists.at(-1)?.result);
    expect(listed.match(/••••••••/g)).toHaveLength(3);
    for (const value of values) expect(listed).not.toContain(value);
    expect(app.recorder.leaks()).toEqual([]);
  });
});
