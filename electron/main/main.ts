import { homedir } from 'node:os';
import {
  BrowserWindow,
  ClipboardItem,
  Menu,
  Notification,
  Tray,
  app,
  clipboard,
  dialog,
  nativeImage,
  nativeTheme,
  powerMonitor,
  protocol,
  session,
  shell,
} from 'electron';
import { KeytarKeyStore, keychainService, providers } from '../core/index.js';
import { appLocations } from './app-location.js';
import { HIDDEN_FLAG, applyLaunchAtLogin } from './login-item.js';
import { realTimers } from './ports.js';
import { AutoLock } from './reminders/auto-lock.js';
import { ScreenLockWatcher, linuxLockSignalRules } from './reminders/linux-screen-lock.js';
import { ReminderScheduler, type TrayView } from './reminders/reminder-scheduler.js';
import { trayMenuTemplate, trayTitle, trayTooltip } from './reminders/tray-menu.js';
import { electronClipboard } from './clipboard/electron-clipboard.js';
import { registerIpc } from './ipc/register-ipc.js';
import { applicationMenu } from './menu.js';
import { createRekeyServices } from './services.js';
import { APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './window/app-origin.js';
import { CONTENT_SECURITY_POLICY } from './window/content-security-policy.js';
import { rendererProtocolHandler } from './window/renderer-protocol.js';
import { guardWebContents } from './window/web-contents-guard.js';
import { mainWindowOptions } from './window/window-options.js';

// Thin by design: everything testable lives in services, guards and options; this file wires
// Electron's objects to them.

if (!app.requestSingleInstanceLock()) app.quit();

// docs/architecture.md §6: the page's own scheme; privileges can only be granted before ready
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

const locations = appLocations(import.meta.url, process.env, { isPackaged: app.isPackaged, warn: (line) => console.error(line) });
const rotateUrls = new Set(providers.listProviders().flatMap((provider) => (provider.rotateUrl ? [provider.rotateUrl] : [])));
let mainWindow: BrowserWindow | null = null;
/** Closing the window hides it to the tray (reminders keep coming); only Quit ends the app. */
let quitting = false;
let tray: Tray | null = null;
let trayView: TrayView = { attention: [] };

const services = createRekeyServices({
  home: process.env['REKEY_HOME'] ?? app.getPath('userData'),
  keyStore: new KeytarKeyStore(keychainService()),
  clipboard: electronClipboard(clipboard, process.platform, (entries) => new ClipboardItem(entries)),
  dialogs: {
    async chooseImportFile() {
      const options = { title: 'Import a .env file', properties: ['openFile' as const, 'showHiddenFiles' as const] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseExportFile(defaultName) {
      const options = {
        title: 'Export secrets',
        defaultPath: defaultName,
        properties: ['showHiddenFiles' as const, 'createDirectory' as const],
      };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : result.filePath;
    },
    async chooseBackupTarget(defaultName) {
      const options = {
        title: 'Save a backup of the vault',
        defaultPath: defaultName,
        properties: ['showHiddenFiles' as const, 'createDirectory' as const],
      };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : result.filePath;
    },
    async chooseBackupSource() {
      const options = { title: 'Restore a Rekey backup', properties: ['openFile' as const, 'showHiddenFiles' as const] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseScanFolder() {
      const options = { title: 'Scan a folder for leaked keys', properties: ['openDirectory' as const, 'showHiddenFiles' as const] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  },
});

registerIpc(
  services.dispatch,
  (frame) => frame !== null && mainWindow !== null && frame === mainWindow.webContents.mainFrame && locations.isAppUrl(frame.url),
);

function createWindow(): void {
  // docs/architecture.md §6
  mainWindow = new BrowserWindow({
    ...mainWindowOptions(nativeTheme.shouldUseDarkColors),
    webPreferences: {
      preload: locations.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // middle-click would otherwise open links in a new window, around setWindowOpenHandler's policy
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardWebContents(mainWindow.webContents, locations.isAppUrl, (url) => void shell.openExternal(url), rotateUrls);
  if (!startHidden) mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', (event) => {
    if (quitting || tray === null) return;
    event.preventDefault();
    mainWindow?.hide();
  });
  mainWindow.on('closed', () => (mainWindow = null));
  // the keychain read overlaps the page load instead of following the window's first call
  services.openVaultEarly();
  void mainWindow.loadURL(locations.pageUrl);
}

/** Brings the window up; with a name, the window scrolls to that key when it next polls. */
function showWindow(name: string | null): void {
  if (name !== null) services.requestFocus(name);
  if (!mainWindow) createWindow();
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.show();
  mainWindow?.focus();
}

const startHidden = process.argv.includes(HIDDEN_FLAG);

function refreshTray(): void {
  if (!tray) return;
  tray.setToolTip(trayTooltip(trayView));
  tray.setTitle(trayTitle(trayView));
  tray.setContextMenu(
    Menu.buildFromTemplate(
      trayMenuTemplate(trayView, {
        open: () => showWindow(null),
        openOn: (name) => showWindow(name),
        lock: () => void services.lock().then(refreshTray),
        quit: () => app.quit(),
      }),
    ),
  );
}

const reminders = new ReminderScheduler({
  check: () => services.checkReminders(),
  notificationsOn: () => (services.settings()?.notifications ?? true) && Notification.isSupported(),
  notifier: {
    show(text, onClick) {
      const notification = new Notification({ title: text.title, body: text.body });
      notification.on('click', onClick);
      notification.show();
    },
  },
  showTray: (view) => {
    trayView = view;
    refreshTray();
  },
  openOn: showWindow,
  timers: realTimers,
  now: () => new Date(),
  logError: (line) => console.error(line),
});

const autoLock = new AutoLock({
  idleSeconds: () => powerMonitor.getSystemIdleTime(),
  minutes: () => services.settings()?.autoLockMinutes ?? 0,
  isLocked: () => services.locked,
  lock: () => void services.lock().then(refreshTray),
  timers: realTimers,
});

// powerMonitor's 'lock-screen' is macOS and Windows only; Linux desktops say it on D-Bus
const linuxScreenLock =
  process.platform === 'linux'
    ? new ScreenLockWatcher({
        rules: linuxLockSignalRules(process.env),
        onLock: () => autoLock.lockNow(),
        log: (line) => console.error(line),
      })
    : null;

services.onSettingsChanged((settings) => {
  applyLaunchAtLogin(settings.launchAtLogin, {
    setLoginItemSettings: (options) => app.setLoginItemSettings(options),
    platform: process.platform,
    env: process.env,
    home: homedir(),
    executable: process.env['APPIMAGE'] ?? process.execPath,
  });
  reminders.runNow();
});

app.on('second-instance', () => showWindow(null));

app.on('web-contents-created', (_event, contents) => {
  // any other contents (none are expected) gets the same lock-down
  guardWebContents(contents, locations.isAppUrl, (url) => void shell.openExternal(url), rotateUrls);
});

void app.whenReady().then(() => {
  protocol.handle(
    APP_SCHEME,
    rendererProtocolHandler({
      root: locations.rendererDir,
      origin: APP_ORIGIN,
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      onRefused: (url, reason) => console.error(`rekey: ${APP_SCHEME}: refused ${JSON.stringify(url)}: ${reason}`),
    }),
  );
  // the protocol handler sets the CSP itself; this covers any other response (the dev server)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenu(process.platform, !app.isPackaged)));
  createWindow();
  tray = new Tray(nativeImage.createFromPath(locations.trayIconPath));
  tray.on('click', () => showWindow(null));
  reminders.start();
  autoLock.start();
  powerMonitor.on('resume', () => reminders.runNow());
  powerMonitor.on('lock-screen', () => autoLock.lockNow());
  linuxScreenLock?.start();
  powerMonitor.on('suspend', () => autoLock.lockNow());
  app.on('activate', () => showWindow(null));
});

app.on('window-all-closed', () => {
  // with a tray the window only hides; without one (a desktop with no tray), closing quits
  if (tray === null && process.platform !== 'darwin') app.quit();
});

let closed = false;
app.on('before-quit', (event) => {
  quitting = true;
  if (closed) return;
  // clear the clipboard and wipe the vault key before the process goes
  event.preventDefault();
  reminders.stop();
  autoLock.stop();
  linuxScreenLock?.stop();
  void services.close().finally(() => {
    closed = true;
    app.quit();
  });
});
