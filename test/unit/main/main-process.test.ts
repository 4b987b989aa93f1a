import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../electron/contract/index.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window/content-security-policy.js';
import { tempDir } from '../../support/temp-vault.js';

vi.mock('electron', () => import('../../support/electron-stand-in.js'));

const standIn = await import('../../support/electron-stand-in.js');
const dir = tempDir();

describe('the Electron main process, against a stand-in electron module', () => {
  beforeAll(async () => {
    process.env['REKEY_HOME'] = join(dir.path, 'vault');
    await import('../../../electron/main/main.js');
    await standIn.fireReady();
  });

  afterAll(() => {
    // quitting stops what main started (on Linux, the screen-lock watcher's dbus-monitor)
    standIn.emitApp('before-quit', { preventDefault: () => undefined });
    delete process.env['REKEY_HOME'];
    dir.remove();
  });

  it('registers every contract channel with ipcMain, and nothing else', () => {
    expect([...standIn.calls.handled.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('opens one hardened window on the bundled page, with the sandboxed preload', () => {
    const [window] = standIn.calls.windows;
    expect(standIn.calls.windows).toHaveLength(1);
    const prefs = window?.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    // from source the siblings are electron/preload and electron/renderer; bundled, dist/…
    expect(String(prefs['preload'])).toMatch(/[/\\]preload[/\\]preload\.cjs$/);
    expect(window?.loadedUrl).toBe('app://rekey/index.html');
  });

  it('registers app: as a privileged standard scheme before ready, and serves it from the renderer folder', async () => {
    expect(standIn.calls.privilegedSchemes).toEqual([
      {
        schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }],
        afterReady: false,
      },
    ]);
    const handler = standIn.calls.protocolHandlers.get('app');
    expect([...standIn.calls.protocolHandlers.keys()]).toEqual(['app']);
    // from source, the renderer folder main serves is electron/renderer, which does not exist
    const missing = (await handler?.({ url: 'app://rekey/index.html', method: 'GET' })) as Response;
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const traversal = (await handler?.({ url: 'app://rekey/%2e%2e/main/main.ts', method: 'GET' })) as Response;
    expect(traversal.status).toBe(403);
    expect(errors).toHaveBeenCalledWith('rekey: app: refused "app://rekey/%2e%2e/main/main.ts": a dot segment');
    errors.mockRestore();
  });

  it('answers requests from its own frame and refuses any other frame', async () => {
    const [window] = standIn.calls.windows;
    const handler = standIn.calls.handled.get(CHANNELS.vaultStatus);
    const own = await handler?.({ senderFrame: window?.webContents.mainFrame }, {});
    expect(own).toMatchObject({ ok: true, value: { state: 'no-vault' } });
    const foreign = await handler?.({ senderFrame: { url: 'https://evil.example/' } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // the window's own frame, once it shows anything but the app page, is not trusted either
    const frame = window?.webContents.mainFrame;
    for (const url of ['app://rekey.evil/index.html', 'app://rekey/other.html', 'app://x@rekey/index.html', 'file:///index.html']) {
      if (frame) frame.url = url;
      expect(await handler?.({ senderFrame: frame }, {}), url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    if (frame) frame.url = 'app://rekey/index.html#/settings';
    expect(await handler?.({ senderFrame: frame }, {})).toMatchObject({ ok: true });
    const bad = await handler?.({ senderFrame: window?.webContents.mainFrame }, { unexpected: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('denies navigation away, new windows and permissions; opens only provider pages externally', () => {
    const contents = standIn.calls.windows[0]?.webContents;
    const navigate = contents?.listeners.get('will-navigate');
    const prevented: string[] = [];
    navigate?.({ preventDefault: () => prevented.push('evil') }, 'https://evil.example/');
    navigate?.({ preventDefault: () => prevented.push('self') }, standIn.calls.windows[0]?.loadedUrl);
    navigate?.({ preventDefault: () => prevented.push('look-alike') }, 'app://rekey.evil.com/index.html');
    navigate?.({ preventDefault: () => prevented.push('other page') }, 'app://rekey/assets/index.js');
    navigate?.({ preventDefault: () => prevented.push('file') }, 'file:///etc/passwd');
    expect(prevented).toEqual(['evil', 'look-alike', 'other page', 'file']);
    expect(contents?.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents?.openHandler?.({ url: 'https://github.com/settings/tokens' })).toEqual({ action: 'deny' });
    expect(standIn.calls.externalUrls).toEqual(['https://github.com/settings/tokens']);
    let granted: boolean | undefined;
    contents?.session.permissionRequest?.(null, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(contents?.session.permissionCheck?.()).toBe(false);
  });

  it('adds the strict Content-Security-Policy to every response', () => {
    let headers: Record<string, string[]> = {};
    standIn.calls.headerHooks[0]?.({ responseHeaders: { 'X-Other': ['1'] } }, (answer: { responseHeaders: Record<string, string[]> }) => {
      headers = answer.responseHeaders;
    });
    const csp = headers['Content-Security-Policy']?.[0] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(headers['X-Other']).toEqual(['1']);
  });

  it('sets an application menu with the editing shortcuts', () => {
    const menu = JSON.stringify(standIn.calls.menuTemplates[0]);
    for (const role of ['copy', 'paste', 'cut', 'selectAll', 'undo']) expect(menu).toContain(`"role":"${role}"`);
  });

  it('stays running as the first instance', () => {
    expect(standIn.calls.quit).toBe(0);
  });
});
