import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, format, parseISO, subDays } from 'date-fns';
import { de } from 'date-fns/locale/de';
import { describe, expect, it } from 'vitest';
import { addKey, openRowMenu, row, toast, waitForVault } from './support/app-steps.js';
import { useRekeyApp } from './support/lifecycle.js';
import type { RekeyApp } from './support/rekey-app.js';
import { sampleKeys } from '../support/sample-keys.js';

const rekey = useRekeyApp();

const names = (app: RekeyApp) => app.page.locator('.secret-row .secret-row__name').allInnerTexts();
const countLine = (app: RekeyApp) => app.page.locator('.vault-header__count').innerText();
const filter = (app: RekeyApp, label: string | RegExp) =>
  app.page.getByRole('navigation', { name: 'Filters' }).getByRole('button', { name: label });

/** Five keys in every state: due later, due soon, overdue (added through the form), exposed, and no project. */
async function seedMixedVault(app: RekeyApp): Promise<void> {
  const now = new Date();
  await app.seed('addSecret', { name: 'openai-prod', value: app.recorder.track(sampleKeys.openai()), project: 'web' });
  await app.seed('addSecret', {
    name: 'gh-ci',
    value: app.recorder.track(sampleKeys.github()),
    project: 'web',
    rotatedAt: subDays(now, 80).toISOString(),
  });
  await app.seed('addSecret', { name: 'claude-batch', value: app.recorder.track(sampleKeys.anthropic()), project: 'api' });
  await app.seed('addSecret', { name: 'legacy-webhook', value: app.recorder.track(sampleKeys.generic()) });
  await app.load();
  await waitForVault(app.page);
  // the overdue one is added the way a user adds an old key: with its last rotation date
  await addKey(app.page, app.recorder.track(sampleKeys.stripe()), {
    name: 'stripe-live',
    project: 'api',
    rotatedOn: format(subDays(now, 200), 'yyyy-MM-dd'),
  });
  await openRowMenu(app.page, 'claude-batch', 'Mark as exposed');
  await expect.poll(() => toast(app.page, 'claude-batch is marked exposed').isVisible()).toBe(true);
}

describe('the vault list', () => {
  it('shows due dates as words and colour: due in N days, due soon, overdue by N days, exposed', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await seedMixedVault(app);

    const due = (name: string) => row(page, name).locator('.due');
    expect(await due('openai-prod').innerText()).toBe('Due in 90 days');
    expect(await due('openai-prod').getAttribute('class')).toContain('due--ok');
    expect(await due('gh-ci').innerText()).toBe('Due in 10 days');
    expect(await due('gh-ci').getAttribute('class')).toContain('due--due-soon');
    expect(await due('stripe-live').innerText()).toBe('Overdue by 110 days');
    expect(await due('stripe-live').getAttribute('class')).toContain('due--overdue');
    expect(await due('claude-batch').innerText()).toBe('Exposed');
    expect(await due('claude-batch').getAttribute('class')).toContain('due--exposed');
    expect(await row(page, 'claude-batch').getAttribute('class')).toContain('is-exposed');
    expect(await row(page, 'stripe-live').locator('.col--last-rotated').innerText()).toBe(format(subDays(new Date(), 200), 'PP'));

    // sidebar counts per status
    expect(await filter(app, /^Exposed/).innerText()).toMatch(/Exposed\s+1/);
    expect(await filter(app, /^Overdue/).innerText()).toMatch(/Overdue\s+1/);
    expect(await filter(app, /^Due soon/).innerText()).toMatch(/Due soon\s+1/);
    expect(await filter(app, /^Up to date/).innerText()).toMatch(/Up to date\s+2/);
    // most urgent first: exposed, overdue, then by due date
    expect(await names(app)).toEqual(['claude-batch', 'stripe-live', 'gh-ci', 'openai-prod', 'legacy-webhook']);
    // at the default window size the longest public prefix (sk-ant-api03-), the provider
    // badges and the widest due badge show whole: the last four characters are what a user compares
    const clipped = await page.locator('.secret-row').evaluateAll((rows) =>
      rows.flatMap((rowElement) =>
        ['.col--value', '.col--due', '.provider-badge__name'].flatMap((cell) => {
          const element = rowElement.querySelector(cell);
          return element !== null && element.scrollWidth > element.clientWidth
            ? [`${rowElement.querySelector('.secret-row__name')?.textContent} ${cell}`]
            : [];
        }),
      ),
    );
    expect(clipped).toEqual([]);
    await page.mouse.move(0, 0);
    await app.snap('vault-list');

    // clearing the exposed mark puts it back on its schedule
    await openRowMenu(page, 'claude-batch', 'Clear exposed');
    await expect.poll(() => due('claude-batch').innerText()).toBe('Due in 90 days');
    expect(await filter(app, /^Exposed/).innerText()).toMatch(/Exposed\s+0/);
  });

  it('filters by status and project, searches in memory, and sorts by due date or name', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await seedMixedVault(app);
    const listCalls = app.recorder.calls('rekey:secrets:list').length;

    await filter(app, /^Overdue/).click();
    await expect.poll(() => names(app)).toEqual(['stripe-live']);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Overdue');
    expect(await countLine(app)).toBe('1 of 5 keys');
    expect(await filter(app, /^Overdue/).getAttribute('aria-pressed')).toBe('true');

    await filter(app, /^web/).click();
    await expect.poll(() => page.getByRole('heading', { name: 'No keys match' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('web · Overdue');
    await filter(app, /^All keys/).click();
    await expect.poll(() => names(app)).toEqual(['gh-ci', 'openai-prod']);
    await filter(app, /^No project/).click();
    await expect.poll(() => names(app)).toEqual(['legacy-webhook']);
    await filter(app, /^All projects/).click();
    await expect.poll(() => names(app)).toHaveLength(5);

    // Ctrl+K focuses search from anywhere; every keystroke filters without asking main
    await row(page, 'gh-ci').click();
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.locator('input:focus').getAttribute('aria-label')).toBe('Search keys');
    await page.keyboard.type('stripe');
    await expect.poll(() => names(app)).toEqual(['stripe-live']);
    await page.getByLabel('Search keys').fill('API');
    await expect.poll(() => names(app)).toEqual(['claude-batch', 'stripe-live', 'openai-prod']);
    expect(await countLine(app)).toBe('3 of 5 keys');
    await page.getByLabel('Search keys').fill('web gh');
    await expect.poll(() => names(app)).toEqual(['gh-ci']);
    await page.getByLabel('Search keys').fill('nothing-like-this');
    await expect.poll(() => page.getByRole('heading', { name: 'No keys match' }).isVisible()).toBe(true);
    await app.snap('no-matches');
    await page.getByLabel('Search keys').press('Escape');
    await expect.poll(() => names(app)).toHaveLength(5);
    expect(app.recorder.calls('rekey:secrets:list').length).toBe(listCalls);

    await page.getByRole('combobox').filter({ hasText: 'Due date' }).selectOption('name');
    await expect.poll(() => names(app)).toEqual(['claude-batch', 'gh-ci', 'legacy-webhook', 'openai-prod', 'stripe-live']);
  });

  it('is reachable by keyboard with visible focus: rows, row actions, the row menu and dialogs', async () => {
    const app = await rekey.open({ initialised: true });
    const { page } = app;
    await seedMixedVault(app);
    const focused = page.locator(':focus');
    const outline = () => page.evaluate('getComputedStyle(document.activeElement).outlineStyle');

    await page.getByLabel('Search keys').focus();
    await page.keyboard.press('Tab'); // sort
    await page.keyboard.press('Tab'); // the list: one row is in the tab order
    expect(await focused.getAttribute('aria-label')).toBe('claude-batch');
    expect(await outline()).toBe('solid');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused.getAttribute('aria-label')).toBe('stripe-live');
    await page.keyboard.press('End');
    await expect.poll(() => focused.getAttribute('aria-label')).toBe('legacy-webhook');
    await page.keyboard.press('Home');
    await expect.poll(() => focused.getAttribute('aria-label')).toBe('claude-batch');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused.getAttribute('aria-label')).toBe('gh-ci');

    // Tab walks the focused row's actions
    await page.keyboard.press('Tab');
    expect(await focused.getAttribute('aria-label')).toBe('Copy gh-ci');
    expect(await outline()).toBe('solid');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused.getAttribute('aria-label')).toBe('More actions for gh-ci');

    // the menu: arrows move, Escape returns to the button
    await page.keyboard.press('Enter');
    await expect.poll(() => focused.innerText()).toBe('Edit details…');
    await page.keyboard.press('ArrowDown');
    expect(await focused.innerText()).toBe('History…');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused.innerText()).toBe('Delete…');
    await app.snap('row-menu');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    expect(await focused.getAttribute('aria-label')).toBe('More actions for gh-ci');

    // a dialog takes focus and gives it back
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused.innerText()).toBe('Edit details…');
    await page.keyboard.press('Enter');
    const edit = page.getByRole('dialog', { name: 'Edit gh-ci' });
    await expect.poll(() => edit.isVisible()).toBe(true);
    expect(await focused.inputValue()).toBe('gh-ci');
    await page.keyboard.press('Escape');
    await expect.poll(() => edit.count()).toBe(0);
    expect(await focused.getAttribute('aria-label')).toBe('More actions for gh-ci');
  });

  it('scrolls and filters 10,000 keys, rendering only the rows in view', async () => {
    const app = await rekey.open({ initialised: true });
    const { page, dialogs, workDir } = app;
    const file = join(workDir, 'bulk.env');
    const lines: string[] = [];
    for (let i = 1; i <= 10_000; i++) {
      const n = String(i).padStart(5, '0');
      lines.push(`VAR_${n}=${i % 3 === 0 ? sampleKeys.github() : sampleKeys.generic()}`);
    }
    writeFileSync(file, lines.join('\n'));
    dialogs.importPath = file;
    const preview = await app.seed('chooseImport', { project: 'bulk' });
    if (!preview.preview) throw new Error('no preview');
    await app.seed('applyImport', { token: preview.preview.token });

    await app.load();
    await waitForVault(page);
    await expect.poll(() => countLine(app), { timeout: 20_000 }).toBe('10,000 keys');
    // counted from the whole list, not from the first screen of 100
    expect(await filter(app, /^All keys/).innerText()).toMatch(/All keys\s+10,000/);
    expect(await filter(app, /^bulk/).innerText()).toMatch(/bulk\s+10,000/);
    const rendered = await page.locator('.secret-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(await page.getByRole('grid', { name: 'Keys' }).getAttribute('aria-rowcount')).toBe('10001');

    // keyboard to the very end: the last row is rendered and focused, still only a window of rows
    await page.locator('.secret-row').first().focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.locator(':focus').getAttribute('aria-label')).toBe('bulk/VAR_10000');
    expect(await row(page, 'bulk/VAR_10000').isVisible()).toBe(true);
    expect(await page.locator('.secret-row').count()).toBeLessThan(60);
    await page.locator('.secret-table__scroll').hover();
    await page.mouse.wheel(0, -1_000_000);
    await expect.poll(() => row(page, 'bulk/VAR_00001').isVisible()).toBe(true);

    const started = Date.now();
    await page.getByLabel('Search keys').fill('VAR_0999');
    await expect.poll(() => countLine(app)).toBe('10 of 10,000 keys');
    const filteredIn = Date.now() - started;
    expect(await names(app)).toEqual(Array.from({ length: 10 }, (_, i) => `bulk/VAR_0999${i}`));
    await page.getByLabel('Search keys').fill('');
    await filter(app, /^Up to date/).click();
    await expect.poll(() => countLine(app)).toBe('10,000 keys');
    await page.getByRole('combobox').filter({ hasText: 'Due date' }).selectOption('name');
    await page.getByLabel('Search keys').fill('github');
    await expect.poll(() => countLine(app)).toBe('3,333 of 10,000 keys');
    // the first screen, then the whole list once; filtering and sorting never ask main again
    const lists = app.recorder.calls('rekey:secrets:list');
    expect(lists.map((crossing) => crossing.input)).toEqual([{ limit: 100 }, {}]);
    expect(lists.map((crossing) => (crossing.result as { ok: true; value: unknown[] }).value.length)).toEqual([100, 10_000]);
    await app.snap('vault-10k');
    console.log(`10,000 keys: search answered in ${filteredIn} ms (informational, not asserted)`);
  });

  it('formats dates in the user’s locale', async () => {
    const app = await rekey.open({ initialised: true, locale: 'de-DE' });
    const { page } = app;
    const rotatedAt = '2026-01-15T12:00:00.000Z';
    await app.seed('addSecret', { name: 'gh-ci', value: app.recorder.track(sampleKeys.github()), rotatedAt, rotateEveryDays: 365 });
    await app.load();
    await waitForVault(page);
    expect(await row(page, 'gh-ci').locator('.col--last-rotated').innerText()).toBe(format(parseISO(rotatedAt), 'PP', { locale: de }));
    expect(await row(page, 'gh-ci').locator('.due').getAttribute('title')).toBe(
      `Due on ${format(addDays(parseISO(rotatedAt), 365), 'PP', { locale: de })}`,
    );
  });
});
