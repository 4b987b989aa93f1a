/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Vault } from '../../electron/core/index.js';
import { RekeyBrowser } from '../e2e/support/rekey-app.js';
import { realKeyStore, testKeychainService } from '../support/real-keychain.js';
import { tempDir } from '../support/temp-vault.js';
import { sampleSecrets } from './sample-secrets.js';
import { type Figures, figures } from './stats.js';
import { renderTable } from './table.js';

/**
 * The window with 10,000 keys, in Debian's Chromium over the real preload and main handlers
 * (the e2e harness): first render, and keystroke in the search box to the next painted frame.
 */
export interface RendererFigures {
  readonly firstRender: Figures;
  readonly filterKeystroke: Figures;
}

const FIRST_ROW = '.secret-table__scroll [role="row"][data-index]';

export async function measureRenderer(count: number, log: (line: string) => void): Promise<RendererFigures> {
  const service = testKeychainService();
  const keyStore = realKeyStore(service);
  const dir = tempDir('rekey-renderer-bench-');
  const home = join(dir.path, 'vault');
  const vault = await Vault.init({ home, keyStore });
  log(`renderer: seeding ${count.toLocaleString('en-US')} keys`);
  vault.addMany(sampleSecrets(count, 1_000).items.map(({ input, value }) => ({ input, value })));
  const vaultId = vault.vaultId;
  vault.close();

  const browser = await RekeyBrowser.launch();
  try {
    const firstRender: number[] = [];
    for (let run = 0; run < 5; run++) {
      const app = await browser.open({ home, keyStore });
      const started = performance.now();
      await app.load();
      await app.page.waitForSelector(FIRST_ROW);
      // the frame that shows the rows: one more animation frame after they exist
      await app.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
      firstRender.push(performance.now() - started);
      if (run < 4) await app.close();
      else {
        log('renderer: filter keystrokes');
        const keystrokes = await measureKeystrokes(app.page);
        await app.close();
        return { firstRender: figures(firstRender), filterKeystroke: figures(keystrokes) };
      }
    }
    throw new Error('unreachable');
  } finally {
    await browser.close();
    await keyStore.delete(`vault-key:${vaultId}`);
    dir.remove();
  }
}

/** Time from keydown to the first frame painted after the list changed, measured in the page. */
async function measureKeystrokes(page: Page): Promise<number[]> {
  const search = page.getByRole('searchbox', { name: 'Search keys' }).or(page.getByLabel('Search keys'));
  await search.first().click();
  const timings: number[] = [];
  // each query's last character is the keystroke measured; the rest is typed beforehand
  for (const query of ['o', 'op', 'ope', 'open', 'g', 'gh', 's', 'st', 'a', 'aw']) {
    await search.first().fill(query.slice(0, -1));
    await page.waitForTimeout(100);
    await page.evaluate(() => {
      const scope = window as unknown as { __keystroke?: Promise<number> };
      const list = document.querySelector('.secret-table__scroll');
      scope.__keystroke = new Promise<number>((resolve) => {
        let started = 0;
        document.addEventListener('keydown', () => (started = performance.now()), { once: true, capture: true });
        const observer = new MutationObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        if (list) observer.observe(list, { childList: true, subtree: true, characterData: true });
      });
    });
    await page.keyboard.press(query.slice(-1));
    timings.push(await page.evaluate(() => (window as unknown as { __keystroke: Promise<number> }).__keystroke));
  }
  return timings;
}

const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const cell = (f: Figures) => `${fmt(f.median)} (${fmt(f.min)}–${fmt(f.max)}, ${f.runs} runs)`;

/** `node dist/bench/renderer-bench.js`, inside the private keyring (npm run bench does both). */
export async function main(): Promise<void> {
  const count = Number(process.env['REKEY_BENCH_N'] ?? 10_000);
  const result = await measureRenderer(count, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`\nRekey window bench — ${count.toLocaleString('en-US')} keys, Debian Chromium (headless), real preload + main handlers\n\n`);
  process.stdout.write(
    renderTable(
      ['operation', 'median (min–max, runs), ms', 'target', 'met?'],
      [
        ['list first render (load → rows painted)', cell(result.firstRender), '<= 300', result.firstRender.median <= 300 ? 'yes' : 'NO'],
        ['filter keystroke → next painted frame', cell(result.filterKeystroke), '<= 50', result.filterKeystroke.median <= 50 ? 'yes' : 'NO'],
      ],
    ),
  );
}

await main().catch((error: unknown) => {
  process.stderr.write(`renderer bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
