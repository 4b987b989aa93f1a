import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { type OpenOptions, type RekeyApp, RekeyBrowser } from './rekey-app.js';

/**
 * The per-file lifecycle every e2e file shares: one Chromium for the file, one app per test.
 * After each test: no console errors, page errors or CSP violations, and no plaintext value in
 * anything main sent the window except reveal answers.
 */
export function useRekeyApp(): { open(options?: OpenOptions): Promise<RekeyApp> } {
  let browser: RekeyBrowser | undefined;
  let current: RekeyApp[] = [];

  beforeAll(async () => {
    // a busy CI machine (every project runs at once) can take more than vitest's default 1 s for
    // a UI update; waiting longer never makes a wrong answer pass
    vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 50 } } });
    browser = await RekeyBrowser.launch();
  });
  afterEach(async () => {
    const apps = current;
    current = [];
    const problems = apps.flatMap((app) => app.problems());
    const leaks = apps.flatMap((app) => app.recorder.leaks());
    for (const app of apps) await app.close();
    expect(problems, 'console errors, page errors or CSP violations').toEqual([]);
    expect(leaks, 'plaintext values main sent the window outside reveal').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async open(options) {
      if (!browser) throw new Error('the browser is not running (open() outside a test?)');
      const app = await browser.open(options);
      current.push(app);
      return app;
    },
  };
}
