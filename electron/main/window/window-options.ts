import type { BrowserWindowConstructorOptions } from 'electron';

/** ARCHITECTURE §5, as data, so a test can hold every flag in place. */
export function mainWindowOptions(preloadPath: string, dark: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1180,
    height: 760,
    minWidth: 820,
    minHeight: 520,
    title: 'Rekey',
    show: false,
    backgroundColor: dark ? '#111318' : '#f6f7f9',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
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
    },
  };
}
