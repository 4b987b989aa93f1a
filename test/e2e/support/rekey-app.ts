import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { CHANNELS } from '../../../electron/contract/channel-names.js';
import type { Input, Method, Output } from '../../../electron/contract/channels.js';
import type { KeyStore } from '../../../electron/core/index.js';
import { type RekeyServices, createRekeyServices } from '../../../electron/main/services.js';
import { isAppPage } from '../../../electron/main/window/app-origin.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window/content-security-policy.js';
import { HARNESS_PAGE, HARNESS_PAGE_URL, serveAppProtocol } from './app-protocol-route.js';
import { MemoryClipboard, ScriptedDialogs } from '../../support/main-stand-ins.js';
import { realKeyStore } from '../../support/real-keychain.js';
import { CrossingRecorder } from './crossing-recorder.js';
import { preloadInitScript } from './preload-script.js';
import { RENDERER_DIST, REPO, requireFreshRendererBuild } from './renderer-build.js';

export const SCREENSHOTS = join(REPO, 'test-results/screenshots');
const BINDING = '__rekeyInvoke';

/** Flags that keep Debian's Chromium quiet and off the (closed) network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chrome's note that frame-ancestors cannot work from a <meta> tag: expected (the header carries it too). */
const EXPECTED_CONSOLE = [/frame-ancestors.*ignored when delivered via a <meta> element/];

export interface OpenOptions {
  /** Create the vault before the window opens (skips the welcome screen). */
  readonly initialised?: boolean;
  /** An existing vault folder (the caller owns it); default: a fresh temp folder. */
  readonly home?: string;
  readonly keyStore?: KeyStore;
  readonly locale?: string;
  readonly colorScheme?: 'light' | 'dark';
  /** Default: the app window's default size (electron/main/window/window-options.ts). */
  readonly viewport?: { width: number; height: number };
  readonly clipboardClearSeconds?: number;
}

export interface RekeyApp {
  readonly page: Page;
  readonly home: string;
  /** The keychain main uses (the real one, under this file's own service, unless a test passes another). */
  readonly keyStore: KeyStore;
  /** A scratch folder for files the test imports or exports. */
  readonly workDir: string;
  readonly clipboard: MemoryClipboard;
  readonly dialogs: ScriptedDialogs;
  readonly recorder: CrossingRecorder;
  /** Calls main directly, as the page would, for setting a scene; throws on an error result. */
  seed<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Loads (or reloads) the window. */
  load(): Promise<void>;
  /** Saves the current screen in light and dark; returns the paths. */
  snap(name: string): Promise<string[]>;
  /** Console errors, page errors, CSP violations and requests the protocol handler refused, so far. */
  problems(): string[];
  /** Takes the problems matching `pattern` off the list (a test that provokes one on purpose); returns them. */
  acknowledge(pattern: RegExp): string[];
  close(): Promise<void>;
}

/**
 * One Chromium per test file, one fresh vault and browser context per app: Playwright and real
 * Chromium load the built renderer, served by main's own protocol handler at a fixed origin
 * (app-protocol-route.ts); window.rekey is the real preload makeApi over a binding that calls
 * the real main-process services (validation included) on a temp vault and the real keychain.
 */
export class RekeyBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly keyStore: KeyStore,
  ) {}

  static async launch(): Promise<RekeyBrowser> {
    requireFreshRendererBuild();
    const keyStore = realKeyStore();
    const browser = await chromium.launch({ executablePath: process.env['REKEY_CHROMIUM'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    mkdirSync(SCREENSHOTS, { recursive: true });
    return new RekeyBrowser(browser, keyStore);
  }

  async open(options: OpenOptions = {}): Promise<RekeyApp> {
    const root = mkdtempSync(join(tmpdir(), 'rekey-e2e-'));
    const home = options.home ?? join(root, 'vault');
    const keyStore = options.keyStore ?? this.keyStore;
    const workDir = join(root, 'work');
    mkdirSync(workDir);
    const clipboard = new MemoryClipboard();
    const dialogs = new ScriptedDialogs();
    const recorder = new CrossingRecorder();
    const services: RekeyServices = createRekeyServices({
      home,
      keyStore,
      clipboard,
      dialogs,
      clipboardClearSeconds: options.clipboardClearSeconds ?? 1,
      logError: (line) => problems.push(`main: ${line}`),
    });
    const problems: string[] = [];

    const context: BrowserContext = await this.browser.newContext({
      viewport: options.viewport ?? { width: 1180, height: 760 },
      locale: options.locale ?? 'en-US',
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: 'reduce',
    });
    // the page comes from main's own protocol handler, at a fixed origin (see app-protocol-route.ts)
    await serveAppProtocol(context, RENDERER_DIST, (url, reason) => problems.push(`app protocol refused ${url}: ${reason}`));
    // JSON strings each way: see preloadInitScript
    await context.exposeBinding(BINDING, async (source, channel: string, payload: string) => {
      const { input } = JSON.parse(payload) as { input: unknown };
      // main's frame check (main.ts): the window's main frame, showing exactly the app page
      const trusted = source.frame === source.page.mainFrame() && isAppPage(source.frame.url(), HARNESS_PAGE);
      const result = await services.dispatch(channel, input, { trusted });
      recorder.record({ channel, input, result });
      return JSON.stringify(result);
    });
    await context.addInitScript({ content: await preloadInitScript(BINDING) });
    const page = await context.newPage();
    page.on('console', (message) => {
      const text = message.text();
      if (EXPECTED_CONSOLE.some((pattern) => pattern.test(text))) return;
      if (message.type() === 'error' || /Content Security Policy/i.test(text)) problems.push(`console ${message.type()}: ${text}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

    const seed = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
      const result = await services.dispatch(CHANNELS[method], input, { trusted: true });
      if (!result.ok) throw new Error(`seed ${method} failed: ${result.error.message}`);
      return result.value as Output<M>;
    };
    if (options.initialised) await seed('initVault', {});

    let closed = false;
    return {
      page,
      home,
      keyStore,
      workDir,
      clipboard,
      dialogs,
      recorder,
      seed,
      async load() {
        // as main does when it creates the window (electron/main/main.ts)
        services.openVaultEarly();
        const response = await page.goto(HARNESS_PAGE_URL);
        if (response?.headers()['content-security-policy'] !== CONTENT_SECURITY_POLICY) {
          throw new Error('the page was served without the CSP');
        }
      },
      async snap(name) {
        const paths: string[] = [];
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          const path = join(SCREENSHOTS, `${name}-${colorScheme}.png`);
          await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
          paths.push(path);
        }
        await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
        return paths;
      },
      problems: () => [...problems],
      acknowledge(pattern) {
        const matching = problems.filter((problem) => pattern.test(problem));
        for (const problem of matching) problems.splice(problems.indexOf(problem), 1);
        return matching;
      },
      async close() {
        if (closed) return;
        closed = true;
        await context.close();
        await services.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
