/**
 * A minimal stand-in for the `electron` module: just what electron/main touches, recording
 * what it was asked to do. The real binary cannot run on the build machine (docs/architecture.md §9).
 */
type Listener = (...args: unknown[]) => unknown;

export const calls = {
  handled: new Map<string, Listener>(),
  windows: [] as StandInWindow[],
  headerHooks: [] as Listener[],
  menuTemplates: [] as unknown[],
  quit: 0,
  externalUrls: [] as string[],
  notifications: [] as StandInNotification[],
  trays: [] as StandInTray[],
  loginItemSettings: [] as unknown[],
  /** registerSchemesAsPrivileged calls, with whether app was ready yet (Electron refuses them after). */
  privilegedSchemes: [] as Array<{ schemes: unknown; afterReady: boolean }>,
  protocolHandlers: new Map<string, Listener>(),
  /** A test that plays the second instance sets this before importing main. */
  singleInstanceLock: (globalThis as { __rekeyStandInLock?: boolean }).__rekeyStandInLock ?? true,
};

const appListeners = new Map<string, Listener[]>();
let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (resolveReady = resolve));
let isReady = false;

export function fireReady(): Promise<void> {
  isReady = true;
  resolveReady();
  return ready.then(() => new Promise((resolve) => setImmediate(resolve)));
}

export function emitApp(event: string, ...args: unknown[]): void {
  for (const listener of appListeners.get(event) ?? []) listener(...args);
}

class StandInSession {
  permissionRequest: Listener | null = null;
  permissionCheck: Listener | null = null;
  webRequest = { onHeadersReceived: (hook: Listener) => calls.headerHooks.push(hook) };
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheck = handler;
  }
}

class StandInWebContents {
  listeners = new Map<string, Listener>();
  openHandler: Listener | null = null;
  session = new StandInSession();
  mainFrame = { url: '' };
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: Listener) {
    this.openHandler = handler;
  }
}

export class StandInWindow {
  static getAllWindows = () => calls.windows;
  webContents = new StandInWebContents();
  loadedUrl: string | null = null;
  visible = false;
  shown = 0;
  listeners = new Map<string, Listener[]>();
  constructor(readonly options: Record<string, unknown>) {
    calls.windows.push(this);
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  /** What the OS does when the user clicks the close button; returns whether it was prevented. */
  close(): boolean {
    const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
    for (const listener of this.listeners.get('close') ?? []) listener(event);
    if (!event.defaultPrevented) this.visible = false;
    return event.defaultPrevented;
  }
  hide() {
    this.visible = false;
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {
    this.visible = true;
    this.shown++;
  }
}

export class StandInNotification {
  static supported = true;
  static isSupported = () => StandInNotification.supported;
  listeners = new Map<string, Listener>();
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    calls.notifications.push(this);
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  show() {
    this.shown = true;
  }
  click() {
    this.listeners.get('click')?.();
  }
}

export class StandInTray {
  tooltip = '';
  title = '';
  menu: Array<{ label?: string; enabled?: boolean; click?: () => void; type?: string }> = [];
  listeners = new Map<string, Listener>();
  constructor(readonly image: unknown) {
    calls.trays.push(this);
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setTitle(text: string) {
    this.title = text;
  }
  setContextMenu(menu: StandInTray['menu']) {
    this.menu = menu;
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  /** Clicks the menu item with this label. */
  choose(label: string) {
    const item = this.menu.find((entry) => entry.label === label);
    if (!item?.click) throw new Error(`no clickable tray item "${label}" in ${JSON.stringify(this.menu.map((entry) => entry.label))}`);
    item.click();
  }
}

const powerListeners = new Map<string, Listener[]>();
export const powerMonitor = {
  idleSeconds: 0,
  getSystemIdleTime: () => powerMonitor.idleSeconds,
  on(event: string, listener: Listener) {
    powerListeners.set(event, [...(powerListeners.get(event) ?? []), listener]);
    return powerMonitor;
  },
};

export function emitPower(event: string): void {
  for (const listener of powerListeners.get(event) ?? []) listener();
}

export const nativeImage = { createFromPath: (path: string) => ({ path }) };
export const Notification = StandInNotification;
export const Tray = StandInTray;

export const app = {
  requestSingleInstanceLock: () => calls.singleInstanceLock,
  quit: () => {
    calls.quit++;
  },
  getPath: () => {
    throw new Error('tests set REKEY_HOME; main must not fall back to the real userData folder');
  },
  whenReady: () => ready,
  /** A test that plays the packaged app sets this before importing main. */
  isPackaged: (globalThis as { __rekeyStandInPackaged?: boolean }).__rekeyStandInPackaged ?? false,
  setLoginItemSettings: (settings: unknown) => void calls.loginItemSettings.push(settings),
  on(event: string, listener: Listener) {
    appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
    return app;
  },
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown) => void calls.privilegedSchemes.push({ schemes, afterReady: isReady }),
  handle: (scheme: string, handler: Listener) => void calls.protocolHandlers.set(scheme, handler),
};
export const ipcMain = { handle: (channel: string, listener: Listener) => calls.handled.set(channel, listener) };
export const BrowserWindow = StandInWindow;
export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu: (menu: unknown) => calls.menuTemplates.push(menu),
};
export const nativeTheme = { shouldUseDarkColors: false };
export const session = { defaultSession: new StandInSession() };
export const shell = { openExternal: async (url: string) => void calls.externalUrls.push(url) };
export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) };
export class ClipboardItem {
  constructor(readonly entries: Record<string, string | Blob>) {}
}
/** Behaves like a clipboard (the last write reads back) and keeps every item written, entries and bytes as given. */
export const clipboard = {
  written: [] as ClipboardItem[][],
  text: '',
  cleared: 0,
  async write(items: ClipboardItem[]) {
    clipboard.written.push(items);
    const text = items[0]?.entries['text/plain'];
    clipboard.text = typeof text === 'string' ? text : '';
  },
  async writeText(text: string) {
    clipboard.text = text;
  },
  readText: async () => clipboard.text,
  clear: () => {
    clipboard.text = '';
    clipboard.cleared++;
  },
};
