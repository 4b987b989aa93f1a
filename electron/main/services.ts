import type { Clock, KeyStore } from '../core/index.js';
import { ClipboardGuard, DEFAULT_CLIPBOARD_CLEAR_SECONDS } from './clipboard/clipboard-guard.js';
import { secretHandlers } from './handlers/secret-handlers.js';
import { scanHandlers } from './handlers/scan-handlers.js';
import { transferHandlers } from './handlers/transfer-handlers.js';
import { type Dispatch, createDispatcher } from './ipc/dispatcher.js';
import { type ClipboardPort, type DialogPort, type Timers, realTimers } from './ports.js';
import { ScanJobs } from './scan/scan-jobs.js';
import { VaultSession } from './session/vault-session.js';

export type { ClipboardPort, DialogPort } from './ports.js';

export interface RekeyServicesOptions {
  readonly home: string;
  readonly keyStore: KeyStore;
  readonly clipboard: ClipboardPort;
  readonly dialogs: DialogPort;
  readonly clipboardClearSeconds?: number | undefined;
  readonly clock?: Clock | undefined;
  readonly timers?: Timers | undefined;
  readonly logError?: ((line: string) => void) | undefined;
}

export interface RekeyServices {
  readonly dispatch: Dispatch;
  /** Clears a secret we left on the clipboard and closes the vault (wiping its key). */
  close(): Promise<void>;
}

/**
 * Everything the window can ask of main, without Electron: the real main process and the
 * end-to-end harness both build exactly this, so the e2e tests exercise the real handlers.
 */
export function createRekeyServices(options: RekeyServicesOptions): RekeyServices {
  const session = new VaultSession({ home: options.home, keyStore: options.keyStore, clock: options.clock });
  const clipboard = new ClipboardGuard(options.clipboard, options.timers ?? realTimers);
  const clearSeconds = options.clipboardClearSeconds ?? DEFAULT_CLIPBOARD_CLEAR_SECONDS;
  const scans = new ScanJobs();
  const dispatch = createDispatcher(
    {
      ...secretHandlers(session, clipboard, () => clearSeconds),
      ...transferHandlers(session, options.dialogs),
      ...scanHandlers(session, options.dialogs, scans),
    },
    options.logError ?? ((line) => console.error(line)),
  );
  return {
    dispatch,
    async close() {
      try {
        scans.clear();
        await clipboard.dispose();
      } finally {
        session.close();
      }
    },
  };
}
