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

/** Plausible provider-shaped values, random per run, never real keys. */
export function randomToken(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(Math.random() * alphabet.length));
  return out;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const sampleKeys = {
  github: () => `ghp_${randomToken(ALNUM, 36)}`,
  stripe: () => `sk_live_${randomToken(ALNUM, 32)}`,
  aws: () => `AKIA${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
  generic: () => `generic-${randomToken(ALNUM, 40)}`,
};
