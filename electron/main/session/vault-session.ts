import {
  type Clock,
  type KeyStore,
  RekeyError,
  type RestoreResult,
  Vault,
  createBackup,
  restoreBackup,
  systemClock,
  vaultDatabasePath,
} from '../../core/index.js';

export type VaultStatus =
  | { state: 'ready'; path: string }
  | { state: 'no-vault'; path: string }
  | { state: 'keychain-unavailable'; path: string; message: string };

/** The window's one open vault: opened on first use (one keychain read), closed on quit. */
export class VaultSession {
  private opened: Vault | null = null;
  private readonly path: string;

  constructor(private readonly options: { home: string; keyStore: KeyStore; clock?: Clock | undefined }) {
    this.path = vaultDatabasePath(options.home);
  }

  async status(): Promise<VaultStatus> {
    if (this.opened) return { state: 'ready', path: this.path };
    if (!Vault.exists(this.options.home)) return { state: 'no-vault', path: this.path };
    try {
      await this.vault();
      return { state: 'ready', path: this.path };
    } catch (error) {
      if (error instanceof RekeyError && (error.code === 'keychain-unavailable' || error.code === 'keychain-key-missing')) {
        return { state: 'keychain-unavailable', path: this.path, message: error.message };
      }
      throw error;
    }
  }

  async init(): Promise<VaultStatus> {
    try {
      this.opened = await Vault.init(this.vaultOptions());
      return { state: 'ready', path: this.path };
    } catch (error) {
      if (error instanceof RekeyError && error.code === 'keychain-unavailable') {
        return { state: 'keychain-unavailable', path: this.path, message: error.message };
      }
      throw error;
    }
  }

  async vault(): Promise<Vault> {
    this.opened ??= await Vault.open(this.vaultOptions());
    return this.opened;
  }

  /** The sealed backup of the open vault (its key read once more from the keychain). */
  async backup(passphrase: string): Promise<Awaited<ReturnType<typeof createBackup>>> {
    return createBackup(await this.vault(), this.options.keyStore, passphrase, { clock: this.options.clock });
  }

  /** Restores into this window's vault folder, which must not hold a vault yet; then opens it. */
  async restore(file: Buffer, passphrase: string): Promise<RestoreResult> {
    const result = await restoreBackup(file, passphrase, { home: this.options.home, keyStore: this.options.keyStore, clock: this.options.clock });
    this.close();
    await this.vault();
    return result;
  }

  close(): void {
    this.opened?.close();
    this.opened = null;
  }

  private vaultOptions() {
    return { home: this.options.home, keyStore: this.options.keyStore, clock: this.options.clock ?? systemClock };
  }
}
