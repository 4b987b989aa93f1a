import { BrowserWindow, ClipboardItem, Menu, app, clipboard, dialog, ipcMain, nativeTheme, session, shell } from 'electron';
import { KeytarKeyStore, keychainService, providers } from '../core/index.js';
import { appLocations } from './app-location.js';
import { electronClipboard } from './clipboard/electron-clipboard.js';
import { registerIpc } from './ipc/register-ipc.js';
import { applicationMenu } from './menu.js';
import { createRekeyServices } from './services.js';
import { CONTENT_SECURITY_POLICY } from './window/content-security-policy.js';
import { guardWebContents } from './window/web-contents-guard.js';
import { mainWindowOptions } from './window/window-options.js';

// Thin by design: everything testable lives in services, guards and options; this file wires
// Electron's objects to them.

if (!app.requestSingleInstanceLock()) app.quit();

const locations = appLocations(import.meta.url, process.env);
const rotateUrls = new Set(providers.listProviders().flatMap((provider) => (provider.rotateUrl ? [provider.rotateUrl] : [])));
let mainWindow: BrowserWindow | null = null;

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
      const options = { title: 'Export secrets', defaultPath: defaultName, properties: ['showHiddenFiles' as const, 'createDirectory' as const] };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async chooseScanFolder() {
      const options = { title: 'Scan a folder for leaked keys', properties: ['openDirectory' as const, 'showHiddenFiles' as const] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  },
});

registerIpc(ipcMain, services.dispatch, (frame) => frame !== null && mainWindow !== null && frame === mainWindow.webContents.mainFrame && locations.isAppUrl(frame.url));

function createWindow(): void {
  // ARCHITECTURE §5
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
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(locations.pageUrl);
}

app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

app.on('web-contents-created', (_event, contents) => {
  // any other contents (none are expected) gets the same lock-down
  guardWebContents(contents, locations.isAppUrl, (url) => void shell.openExternal(url), rotateUrls);
});

void app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenu(process.platform, !app.isPackaged)));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let closed = false;
app.on('before-quit', (event) => {
  if (closed) return;
  // clear the clipboard and wipe the vault key before the process goes
  event.preventDefault();
  void services.close().finally(() => {
    closed = true;
    app.quit();
  });
});
