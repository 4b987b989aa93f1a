import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Steps most scenarios share, written the way a user does them: by role and visible name. */

export function row(page: Page, name: string): Locator {
  return page.getByRole('row', { name, exact: true });
}

export async function waitForVault(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('button', { name: 'Add key' }).isVisible(), { timeout: 15_000 }).toBe(true);
}

export async function visible(locator: Locator): Promise<boolean> {
  return (await locator.count()) > 0 && locator.first().isVisible();
}

/** Opens Add, pastes the value, waits for main's detection; returns the dialog. */
export async function startAdd(page: Page, value: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Add key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a key' });
  await dialog.getByLabel('Key', { exact: true }).fill(value);
  await expect.poll(() => dialog.locator('.detection:not(.detection--pending)').count()).toBe(1);
  return dialog;
}

export async function addKey(
  page: Page,
  value: string,
  fields: { name?: string; envVar?: string; project?: string; rotatedOn?: string; rotateEvery?: string } = {},
): Promise<void> {
  const dialog = await startAdd(page, value);
  if (fields.name !== undefined) await dialog.getByLabel('Name', { exact: true }).fill(fields.name);
  if (fields.envVar !== undefined) await dialog.getByLabel('Env var', { exact: true }).fill(fields.envVar);
  if (fields.project !== undefined) await dialog.getByLabel('Project').fill(fields.project);
  if (fields.rotateEvery !== undefined) await dialog.getByLabel('Rotate every').fill(fields.rotateEvery);
  if (fields.rotatedOn !== undefined) await dialog.getByLabel('Last rotated').fill(fields.rotatedOn);
  await dialog.getByRole('button', { name: 'Add to vault' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

/** The toast whose title matches. */
export function toast(page: Page, title: string | RegExp): Locator {
  return page.locator('.toast').filter({ has: page.locator('.toast__title', { hasText: title }) });
}

/**
 * Opens a row's ⋯ menu and picks an item. The menu closes on any scroll, as it should; right
 * after a change the list may still scroll the changed row into view, so a menu that closed
 * before the pick is opened again (a user would simply click again).
 */
export async function openRowMenu(page: Page, name: string, item: string): Promise<void> {
  const button = page.getByRole('button', { name: `More actions for ${name}` });
  const entry = page.getByRole('menuitem', { name: item });
  for (let attempt = 1; ; attempt++) {
    await button.click();
    try {
      await entry.click({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Adds an inline script, as injected markup would, and says whether it ran; the page's CSP
 * should refuse it (and the harness then hears the refusal as a problem to acknowledge).
 */
export function inlineScriptRan(page: Page): Promise<boolean> {
  return page.evaluate(
    `(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.head.append(s); return window.__inline === 1; })()`,
  );
}
