import type { ClipboardPort, DialogPort } from '../../electron/main/services.js';
import type { Timers } from '../../electron/main/ports.js';

/** A clipboard that behaves like one: whatever was written last is what reads back. */
export class MemoryClipboard implements ClipboardPort {
  text = '';
  async writeSecret(text: string): Promise<void> {
    this.text = text;
  }
  /** What another app copying something would do. */
  writeText(text: string): void {
    this.text = text;
  }
  async readText(): Promise<string> {
    return this.text;
  }
  clear(): void {
    this.text = '';
  }
}

/** Native dialogs stand-in: the test decides which path the "user" picks, or cancels with null. */
export class ScriptedDialogs implements DialogPort {
  importPath: string | null = null;
  exportPath: string | null = null;
  lastDefaultName: string | null = null;
  async chooseImportFile(): Promise<string | null> {
    return this.importPath;
  }
  async chooseExportFile(defaultName: string): Promise<string | null> {
    this.lastDefaultName = defaultName;
    return this.exportPath;
  }
  backupTarget: string | null = null;
  backupSource: string | null = null;
  async chooseBackupTarget(defaultName: string): Promise<string | null> {
    this.lastDefaultName = defaultName;
    return this.backupTarget;
  }
  async chooseBackupSource(): Promise<string | null> {
    return this.backupSource;
  }
  scanFolder: string | null = null;
  async chooseScanFolder(): Promise<string | null> {
    return this.scanFolder;
  }
}

/** Timers the test fires by hand, so "clears after 30 s" takes no time. */
export class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.pending.set(handle, { callback, ms });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Fires every pending timer, then lets their async work settle. */
  async fireAll(): Promise<void> {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const { callback } of due) callback();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
