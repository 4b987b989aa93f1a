/** What main needs from Electron, as ports: the real ones wrap Electron, tests pass stand-ins. */
/** Async because Electron's clipboard is (since Electron 45). */
export interface ClipboardPort {
  /** Writes a secret; the real port also marks it for password-aware clipboard managers. */
  writeSecret(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): void;
}

export interface DialogPort {
  /** A .env file to import, or null when the user cancelled. */
  chooseImportFile(): Promise<string | null>;
  /** Where to save an export, or null when the user cancelled. */
  chooseExportFile(defaultName: string): Promise<string | null>;
  /** Where to save a backup, or null when the user cancelled. */
  chooseBackupTarget(defaultName: string): Promise<string | null>;
  /** A backup file to restore, or null when the user cancelled. */
  chooseBackupSource(): Promise<string | null>;
  /** A folder to scan for leaked keys, or null when the user cancelled. */
  chooseScanFolder(): Promise<string | null>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
