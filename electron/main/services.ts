import { type Clock, type KeyStore, type ReminderCheck, type Settings, systemClock } from '../core/index.js';
import { ClipboardGuard } from './clipboard/clipboard-guard.js';
import { appHandlers } from './handlers/app-handlers.js';
import { backupHandlers } from './handlers/backup-handlers.js';
import { secretHandlers } from './handlers/secret-handlers.js';
import { scanHandlers } from './handlers/scan-handlers.js';
import { transferHandlers } from './handlers/transfer-handlers.js';
import { type Dispatch, createDispatcher } from './ipc/dispatcher.js';
import { type ClipboardPort, type DialogPort, type Timers, realTimers } from './ports.js';
import { ScanJobs } from './scan/scan-jobs.js';
import { VaultSession } from './session/vault-session.js';
import { PendingImports } from './transfer/pending-imports.js';

export type { ClipboardPort, DialogPort } from './ports.js';

export interface RekeyServicesOptions {
  readonly home: string;
  readonly keyStore: KeyStore;
  readonly clipboard: ClipboardPort;
  readonly dialogs: DialogPort;
  /** Fixed clipboard clearing for tests; by default the vault's setting. */
  readonly clipboardClearSeconds?: number | undefined;
  readonly clock?: Clock | undefined;
  readonly timers?: Timers | undefined;
  readonly logError?: ((line: string) => void) | undefined;
  /** scrypt cost for a new master password; tests pass a cheap one. */
  readonly kdfCost?: { N: number; r: number; p: number } | undefined;
}

export interface RekeyServices {
  readonly dispatch: Dispatch;
  /** Opens the vault while the window is still loading (see VaultSession.openEarly). */
  openVaultEarly(): void;
  /** Runs the reminder engine and records what it decided; null before a vault exists. */
  checkReminders(): ReminderCheck | null;
  /** The current settings; null before a vault exists. */
  settings(): Settings | null;
  /** Called with the new settings whenever the window saves them. */
  onSettingsChanged(listener: (settings: Settings) => void): void;
  /**
   * Wipes the vault key, clears a secret we left on the clipboard (one still being written
   * too), cancels scans and drops their findings, and drops import previews.
   */
  lock(): Promise<void>;
  readonly locked: boolean;
  /** A notification for this key was clicked: the window shows it next time it asks. */
  requestFocus(name: string): void;
  /** Clears a secret we left on the clipboard and closes the vault (wiping its key). */
  close(): Promise<void>;
}

/**
 * Everything the window can ask of main, without Electron: the real main process and the
 * end-to-end harness both build exactly this, so the e2e tests exercise the real handlers.
 */
export function createRekeyServices(options: RekeyServicesOptions): RekeyServices {
  const session = new VaultSession({ home: options.home, keyStore: options.keyStore, clock: options.clock, kdfCost: options.kdfCost });
  const clipboard = new ClipboardGuard(options.clipboard, options.timers ?? realTimers);
  const scans = new ScanJobs();
  const pendingImports = new PendingImports();
  // auto-lock and clipboard clearing matter while the vault is open: then the settings are checked against their MAC
  const settings = () => session.openVault?.settings() ?? session.metadata()?.settings() ?? null;
  const clearSeconds = () => options.clipboardClearSeconds ?? settings()?.clipboardClearSeconds ?? 30;
  const listeners: Array<(settings: Settings) => void> = [];
  let focus: string | null = null;
  /** Everything that holds a value outside the vault goes with the key (SECURITY.md). */
  const dropValues = () => {
    // the cancelled scans stop at their next progress report; nothing here waits for them
    void scans.clear();
    pendingImports.clear();
  };
  const lock = async () => {
    session.lock();
    dropValues();
    await clipboard.dispose();
  };
  const dispatch = createDispatcher(
    {
      ...secretHandlers(session, clipboard, clearSeconds),
      ...transferHandlers(session, options.dialogs, pendingImports),
      ...appHandlers(session, {
        takeFocusRequest: () => {
          const name = focus;
          focus = null;
          return name;
        },
        settingsChanged: (next) => {
          for (const listener of listeners) listener(next);
        },
      }),
      ...backupHandlers(session, options.dialogs, () => (options.clock ?? systemClock).now()),
      ...scanHandlers(session, options.dialogs, scans),
      lockVault: async () => {
        await lock();
        return session.status();
      },
    },
    options.logError ?? ((line) => console.error(line)),
  );
  return {
    dispatch,
    openVaultEarly: () => session.openEarly(),
    checkReminders: () => session.metadata()?.checkReminders() ?? null,
    settings,
    onSettingsChanged: (listener) => void listeners.push(listener),
    lock,
    get locked() {
      return session.locked;
    },
    requestFocus: (name) => {
      focus = name;
    },
    async close() {
      try {
        dropValues();
        await clipboard.dispose();
      } finally {
        session.close();
      }
    },
  };
}
