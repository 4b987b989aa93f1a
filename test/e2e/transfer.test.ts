import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { row, toast, waitForVault } from './support/app-steps.js';
import { useRekeyApp } from './support/lifecycle.js';
import type { RekeyApp } from './support/rekey-app.js';
import { sampleKeys } from '../support/sample-keys.js';

const rekey = useRekeyApp();
const bullets = '••••••••';

async function seedWebAndApi(app: RekeyApp) {
  const values = {
    openai: app.recorder.track(sampleKeys.openai()),
    github: app.recorder.track(sampleKeys.github()),
    stripe: app.recorder.track(sampleKeys.stripe()),
    // a single and a double quote: no dotenv quoting carries this exactly, shell and json do
    quoted: app.recorder.track(`it's "quoted" ${sampleKeys.generic()}`),
  };
  await app.seed('addSecret', { name: 'openai-prod', value: values.openai, project: 'web' });
  await app.seed('addSecret', { name: 'gh-ci', value: values.github, project: 'web' });
  await app.seed('addSecret', { name: 'stripe', value: values.stripe, project: 'api' });
  await app.seed('addSecret', { name: 'legacy-token', value: values.quoted, project: 'legacy', envVar: 'LEGACY_TOKEN' });
  return values;
}

describe('export', () => {
  it('previews masked rows, refuses plainly what a format cannot carry, and saves a file that reads back', async () => {
    const app = await rekey.open({ initialised: true });
    const { page, dialogs, workDir } = app;
    const values = await seedWebAndApi(app);
    await app.load();
    await waitForVault(page);

    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export keys' });
    const save = dialog.getByRole('button', { name: 'Save…' });
    // all keys as .env: the quoted value cannot be carried, and the dialog says which and why
    await expect
      .poll(() => dialog.getByRole('alert').innerText())
      .toMatch(
        /^This export can’t be written\s+Cannot export "legacy-token" \(LEGACY_TOKEN\) as dotenv: it contains a single quote and a double quote\.[^]*Choose the shell or json format instead\./,
      );
    // worded for the window, not for the command line's flags
    expect(await dialog.getByRole('alert').innerText()).not.toContain('--');
    expect(await save.isDisabled()).toBe(true);
    expect(await dialog.locator('tbody tr').count()).toBe(4);
    await app.snap('export-refused');

    // the web project alone is fine
    await dialog.getByLabel('Keys').selectOption('web');
    await expect.poll(() => dialog.locator('tbody tr').count()).toBe(2);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    expect(await dialog.locator('tbody').innerText()).toContain(`sk-proj-${bullets}${values.openai.slice(-4)}`);
    expect(await dialog.locator('tbody').innerText()).toContain(`ghp_${bullets}${values.github.slice(-4)}`);
    await app.snap('export');

    // cancelling the native dialog saves nothing
    dialogs.exportPath = null;
    await save.click();
    await expect.poll(() => dialog.getByText('Nothing was saved.').isVisible()).toBe(true);

    const target = join(workDir, 'web.env');
    dialogs.exportPath = target;
    await save.click();
    const saved = page.getByRole('dialog', { name: 'Export saved' });
    await expect.poll(() => saved.getByText('Saved 2 keys').isVisible()).toBe(true);
    expect(await saved.getByText(target).isVisible()).toBe(true);
    expect(await saved.getByText('Careful with git').count()).toBe(0);
    expect(dialogs.lastDefaultName).toBe('.env');
    expect(dotenv.parse(readFileSync(target))).toEqual({ OPENAI_API_KEY: values.openai, GITHUB_TOKEN: values.github });
    await app.snap('export-saved');
    await saved.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => saved.count()).toBe(0);
  });

  it('exports JSON, and warns when the file lands in a git work tree that does not ignore it', async () => {
    const app = await rekey.open({ initialised: true });
    const { page, dialogs, workDir } = app;
    const values = await seedWebAndApi(app);
    const repo = join(workDir, 'repo');
    mkdirSync(repo);
    execFileSync('git', ['init', '--quiet', repo]);
    await app.load();
    await waitForVault(page);

    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export keys' });
    await dialog.getByLabel('Keys').selectOption('legacy');
    await dialog.getByText('JSON', { exact: true }).click();
    await expect.poll(() => dialog.locator('tbody tr').count()).toBe(1);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    dialogs.exportPath = join(repo, 'secrets.json');
    await dialog.getByRole('button', { name: 'Save…' }).click();
    const saved = page.getByRole('dialog', { name: 'Export saved' });
    await expect.poll(() => saved.getByText('Careful with git').isVisible()).toBe(true);
    expect(await saved.innerText()).toMatch(/inside a git repository and git does not ignore it/);
    expect(dialogs.lastDefaultName).toBe('secrets.json');
    expect(JSON.parse(readFileSync(join(repo, 'secrets.json'), 'utf8'))).toEqual({ LEGACY_TOKEN: values.quoted });
    await app.snap('export-git-warning');
  });
});

describe('import', () => {
  it('previews a .env file masked, with clashes and shared values, and imports it all at once', async () => {
    const app = await rekey.open({ initialised: true });
    const { page, dialogs, workDir } = app;
    const existing = await seedWebAndApi(app);
    const incoming = {
      anthropic: app.recorder.track(sampleKeys.anthropic()),
      openai: app.recorder.track(sampleKeys.openai()),
    };
    const file = join(workDir, 'service.env');
    writeFileSync(
      file,
      [
        '# the payments service',
        `ANTHROPIC_API_KEY=${incoming.anthropic}`,
        `STRIPE_KEY="${existing.stripe}"`,
        'this line sets nothing',
        `OPENAI_API_KEY=${incoming.openai}`,
        '',
      ].join('\n'),
    );
    dialogs.importPath = file;
    await app.load();
    await waitForVault(page);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a .env file' });
    await dialog.getByLabel('Into project').fill('web');
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    const table = dialog.getByRole('table', { name: 'Import preview' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    expect(await dialog.getByText(file).isVisible()).toBe(true);
    expect(await dialog.getByText(/3 keys found · 1 line ignored \(line 4\)/).isVisible()).toBe(true);
    const openaiRow = table.locator('tbody tr', { hasText: 'OPENAI_API_KEY' });
    expect(await openaiRow.innerText()).toContain('web/OPENAI_API_KEY');
    expect(await openaiRow.innerText()).toContain('"openai-prod" already sets OPENAI_API_KEY in project "web"');
    expect(await dialog.getByRole('button', { name: 'Import 3 keys' }).isDisabled()).toBe(true);
    await app.snap('import-clash');

    // into another project nothing clashes; the Stripe value is recognised as one already stored
    await dialog.getByRole('button', { name: 'Choose another file' }).click();
    await dialog.getByLabel('Into project').fill('payments');
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/^ANTHROPIC_API_KEY\s+stored as payments\/ANTHROPIC_API_KEY\s+Anthropic\s+sk-ant-api03-••••••••/);
    expect(rows[0]).toContain(incoming.anthropic.slice(-4));
    expect(rows[1]).toMatch(/STRIPE_KEY.*Stripe.*Same value as stripe/s);
    expect(rows[2]).toMatch(/OPENAI_API_KEY.*OpenAI.*Ready/s);
    await app.snap('import');
    await dialog.getByRole('button', { name: 'Import 3 keys' }).click();

    await expect.poll(() => toast(page, 'Imported 3 keys').isVisible()).toBe(true);
    await expect.poll(() => row(page, 'payments/OPENAI_API_KEY').isVisible()).toBe(true);
    expect(await row(page, 'payments/OPENAI_API_KEY').locator('.masked').innerText()).toBe(
      `sk-proj-${bullets}${incoming.openai.slice(-4)}`,
    );
    expect(await page.getByRole('button', { name: /^payments/ }).innerText()).toMatch(/payments\s+3/);
    const stored = await app.seed('listSecrets', { project: 'payments' });
    expect(stored.map((secret) => secret.name).sort()).toEqual([
      'payments/ANTHROPIC_API_KEY',
      'payments/OPENAI_API_KEY',
      'payments/STRIPE_KEY',
    ]);
  });

  it('shows main’s refusal of a file that is not a .env file, and stays put when the user cancels', async () => {
    const app = await rekey.open({ initialised: true });
    const { page, dialogs, workDir } = app;
    const file = join(workDir, 'notes.txt');
    writeFileSync(file, 'just some notes\nno variables here\n');
    await app.load();
    await waitForVault(page);

    await page.getByRole('button', { name: 'Import a .env file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a .env file' });
    dialogs.importPath = null;
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await expect.poll(() => app.recorder.calls('rekey:import:choose').length).toBe(1);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Choose file…' }).isVisible()).toBe(true);

    dialogs.importPath = file;
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').innerText())
      .toBe(`Cannot import ${file}: it sets no variables (expected lines like NAME=value).`);
  });
});
