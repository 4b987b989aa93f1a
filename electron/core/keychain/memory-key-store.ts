import type { KeyStore } from './key-store.js';

/** For fast unit tests only; the real behaviour is proven against the OS keychain too. */
export class MemoryKeyStore implements KeyStore {
  readonly description = 'in-memory keychain (tests only)';
  readonly items = new Map<string, string>();
  calls = 0;

  async get(account: string): Promise<string | null> {
    this.calls++;
    return this.items.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.calls++;
    this.items.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.calls++;
    return this.items.delete(account);
  }
}
