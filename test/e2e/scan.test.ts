import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { row, toast, waitForVault } from './support/app-steps.js';
import { useRekeyApp } from './support/lifecycle.js';
import { sampleKeys } from '../support/sample-keys.js';

const rekey = useRekeyApp();
const bullets = '••••••••';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function awsKeyId(): string {
  let id = 'AKIA';
  for (let i = 0; i < 16; i++) id += BASE32.charAt(Math.floor(Math.random() * BASE32.length));
  return id;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

/** A project with leaks in files and in git history, plus enough ordinary files that the scan takes a moment. */
function project(root: string, leaks: { github: string; oldStripe: string; unknownAws: string; historyOnly: string }): string {
  const dir = join(root, 'shop-api');
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'e2e@example.com');
  git(dir, 'config', 'user.name', 'E2E');
  write('config/old.js', `module.exports = { token: '${leaks.historyOnly}' };\n`);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'config');
  git(dir, 'rm', '-q', 'config/old.js');
  git(dir, 'commit', '-q', '-m', 'remove config');
  write('src/github.ts', `// CI token\nexport const token = '${leaks.github}';\n`);
  write('deploy/legacy.env', `STRIPE_SECRET_KEY=${leaks.oldStripe}\n`);
  write('deploy/aws.sh', `export AWS_ACCESS_KEY_ID=${leaks.unknownAws}\n`);
  write('docs/setup.md', 'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n');
  const filler = 'export const value = compute(request.body, options.timeout); // ordinary code\n'.repeat(600);
  for (let i = 0; i < 1500; i++) write(`src/generated/module-${i}.ts`, filler);
  return dir;
}

describe('scan a folder', () => {
  it('shows progress, then findings grouped by vault key with Mark exposed and Rotate now, and unknown keys with Add to vault', async () => {
    const app = await rekey.open({ initialised: true });
    const { page, dialogs } = app;
    const leaks = {
      github: app.recorder.track(sampleKeys.github()),
      oldStripe: app.recorder.track(sampleKeys.stripe()),
      unknownAws: app.recorder.track(awsKeyId()),
      historyOnly: app.recorder.track(sampleKeys.generic()),
    };
    const newStripe = app.recorder.track(sampleKeys.stripe());
    await app.seed('addSecret', { name: 'gh-ci', value: leaks.github, project: 'shop' });
    await app.seed('addSecret', { name: 'stripe', value: leaks.oldStripe, project: 'shop' });
    await app.seed('rotateSecret', { name: 'stripe', value: newStripe });
    await app.seed('addSecret', { name: 'old-config', value: leaks.historyOnly });
    dialogs.scanFolder = project(app.workDir, leaks);
    await app.load();
    await waitForVault(page);

    await page.getByRole('button', { name: 'Scan a folder' }).click();
    const screen = page.getByRole('main', { name: 'Scan a folder' });
    await expect.poll(() => screen.getByRole('heading', { name: 'Scan a folder' }).isVisible()).toBe(true);
    await app.snap('scan-start');

    await screen.getByLabel('Include git history').check();
    await screen.getByRole('button', { name: 'Choose a folder…' }).click();
    const bar = screen.getByRole('progressbar', { name: 'Files scanned' });
    await expect.poll(() => bar.isVisible(), { interval: 10 }).toBe(true);
    expect(await screen.getByText(/^Scanning /).innerText()).toContain('shop-api');
    await app.snap('scan-progress');

    const vaultKeys = screen.getByRole('region', { name: /vault keys? found/ });
    await expect.poll(() => vaultKeys.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await screen.getByRole('heading', { name: '3 vault keys found' }).isVisible()).toBe(true);
    const gh = vaultKeys.getByRole('listitem', { name: 'gh-ci' });
    expect(await gh.innerText()).toContain('src/github.ts:2:23');
    expect(await gh.innerText()).toContain(`ghp_${bullets}${leaks.github.slice(-4)}`);
    const stripe = vaultKeys.getByRole('listitem', { name: 'stripe' });
    expect(await stripe.innerText()).toContain('deploy/legacy.env:1:19');
    expect(await stripe.getByText('previous value', { exact: true }).isVisible()).toBe(true);
    expect(await stripe.getByRole('link', { name: 'Stripe keys' }).getAttribute('href')).toBe('https://dashboard.stripe.com/apikeys');
    const historyOnly = vaultKeys.getByRole('listitem', { name: 'old-config' });
    expect(await historyOnly.innerText()).toMatch(/[0-9a-f]{10} config\/old\.js:1:28/);

    const unknown = screen.getByRole('region', { name: '1 key not in your vault' });
    expect(await unknown.innerText()).toContain(`AKIA${bullets}${leaks.unknownAws.slice(-4)}`);
    expect(await unknown.innerText()).toContain('deploy/aws.sh:1:26');
    expect(await screen.innerText()).not.toContain('docs/setup.md');
    await app.snap('scan-findings');

    // Mark exposed: the key turns exposed, the button says so
    await gh.getByRole('button', { name: 'Mark exposed' }).click();
    await expect.poll(() => gh.getByRole('button', { name: 'Marked exposed' }).isDisabled()).toBe(true);
    await expect.poll(() => toast(page, 'gh-ci is marked exposed').isVisible()).toBe(true);

    // Rotate now: the existing rotate dialog, over the findings
    await stripe.getByRole('button', { name: 'Rotate now' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate stripe' });
    expect(await rotate.getByRole('link', { name: /Open the Stripe \(secret key\) key page/ }).isVisible()).toBe(true);
    await rotate.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => rotate.count()).toBe(0);
    expect(await vaultKeys.isVisible()).toBe(true);

    // Add to vault: the value never came to the window; main adds it by finding id
    await unknown.getByRole('button', { name: 'Add to vault' }).click();
    const add = page.getByRole('dialog', { name: 'Add this key to your vault' });
    await add.getByLabel('Name').fill('aws-deploy');
    await app.snap('scan-add-finding');
    await add.getByRole('button', { name: 'Add key' }).click();
    await expect.poll(() => add.count()).toBe(0);
    await expect.poll(() => toast(page, 'Added aws-deploy').isVisible()).toBe(true);
    expect(app.recorder.calls('rekey:scan:add-finding').map((call) => JSON.stringify(call.input))).not.toContain(leaks.unknownAws);

    // a filter in the sidebar goes back to the list too
    await page.getByRole('button', { name: /^Exposed/ }).click();
    await expect.poll(() => row(page, 'gh-ci').isVisible()).toBe(true);
    await page.getByRole('button', { name: /^All keys/ }).click();
    await page.getByRole('button', { name: 'Scan a folder' }).click();
    expect(await screen.getByRole('heading', { name: '3 vault keys found' }).isVisible()).toBe(true);
    await screen.getByRole('button', { name: 'Back to keys' }).click();
    await expect.poll(() => row(page, 'aws-deploy').isVisible()).toBe(true);
    expect(await row(page, 'gh-ci').innerText()).toMatch(/exposed/i);
  });

  it('says so when nothing is found, and keeps the findings when the folder dialog is cancelled', async () => {
    const app = await rekey.open({ initialised: true });
    const { page, dialogs } = app;
    await app.seed('addSecret', { name: 'gh', value: app.recorder.track(sampleKeys.github()) });
    const clean = join(app.workDir, 'clean');
    mkdirSync(clean);
    writeFileSync(join(clean, 'README.md'), '# nothing to see\n');
    dialogs.scanFolder = clean;
    await app.load();
    await waitForVault(page);
    await page.getByRole('button', { name: 'Scan a folder' }).click();
    const screen = page.getByRole('main', { name: 'Scan a folder' });
    await screen.getByRole('button', { name: 'Choose a folder…' }).click();
    await expect.poll(() => screen.getByText('No leaked keys found').isVisible()).toBe(true);
    expect(await screen.getByText(/1 file scanned/).isVisible()).toBe(true);
    await app.snap('scan-clean');

    dialogs.scanFolder = null;
    await screen.getByRole('button', { name: 'Choose a folder…' }).click();
    await expect.poll(() => screen.getByText('No leaked keys found').isVisible()).toBe(true);
  });
});
