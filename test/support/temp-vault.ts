import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, type KeyStore, Vault } from '../../electron/core/index.js';

export class FixedClock implements Clock {
  constructor(private current: Date = new Date('2026-06-01T12:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

export function tempDir(prefix = 'rekey-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TempVault {
  readonly vault: Vault;
  readonly home: string;
  readonly clock: FixedClock;
  readonly keyStore: KeyStore;
  reopen(): Promise<Vault>;
  dispose(): void;
}

export async function createTempVault(keyStore: KeyStore, clock = new FixedClock()): Promise<TempVault> {
  const dir = tempDir();
  const home = join(dir.path, 'vault');
  const opened: Vault[] = [];
  const vault = await Vault.init({ home, keyStore, clock });
  opened.push(vault);
  return {
    vault,
    home,
    clock,
    keyStore,
    async reopen() {
      const again = await Vault.open({ home, keyStore, clock });
      opened.push(again);
      return again;
    },
    dispose() {
      for (const each of opened) each.close();
      dir.remove();
    },
  };
}
