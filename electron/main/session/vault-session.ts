import {
  type Clock,
  type KeyStore,
  RekeyError,
  type RestoreResult,
  Vault,
  VaultMetadata,
  changeMasterPassword,
  createBackup,
  hasMasterPassword,
  restoreBackup,
  systemClock,
  vaultDatabasePath,
} from '../../core/index.js';

export type VaultStatus =
  | { state: 'ready'; path: string }
  | { state: 'no-vault'; path: string }
  | { state: 'keychain-unavailable'; path: string; message: string }
  | { state: 'locked'; path: string; hasPassword: boolean };

export interface VaultSessionOptions {
  readonly home: string;
  readonly keyStore: KeyStore;
  readonly clock?: Clock | undefined;
  /** scrypt cost for a new master password; tests pass a cheap one. */
  readonly kdfCost?: { N: number; r: number; p: number } | undefined;
}

const KEYCHAIN_TROUBLE = new Set(['keychain-unavailable', 'keychain-key-missing']);

/**
 * The window's one open vault. Opened on first use (one keychain read) unless it has a master
 * password, which only unlock() supplies. lock() closes it, wiping the vault key from memory;
 * nothing opens it again but unlock(). The metadata side (dates, settings, reminder state)
 * stays readable while locked, so reminders keep coming.
 */
export class VaultSession {
  private opened: Vault | null = null;
  private lockedByUser = false;
  private meta: VaultMetadata | null = null;
  private readonly path: string;

  constructor(private readonly options: VaultSessionOptions) {
    this.path = vaultDatabasePath(options.home);
  }

  async status(): Promise<VaultStatus> {
    if (this.opened) return { state: 'ready', path: this.path };
    if (!Vault.exists(this.options.home)) return { state: 'no-vault', path: this.path };
    if (this.lockedByUser) return { state: 'locked', path: this.path, hasPassword: await this.hasPassword() };
    try {
      await this.vault();
      return { state: 'ready', path: this.path };
    } catch (error) {
      return this.statusFor(error);
    }
  }

  async init(): Promise<VaultStatus> {
    try {
      this.opened = await Vault.init(this.vaultOptions());
      this.lockedByUser = false;
      return { state: 'ready', path: this.path };
    } catch (error) {
      if (error instanceof RekeyError && error.code === 'keychain-unavailable') {
        return { state: 'keychain-unavailable', path: this.path, message: error.message };
      }
      throw error;
    }
  }

  /** Wrong passwords and the throttle come back as RekeyErrors with their own messages. */
  async unlock(password: string | undefined): Promise<VaultStatus> {
    if (this.opened) return { state: 'ready', path: this.path };
    this.opened = await Vault.open({ ...this.vaultOptions(), askPassword: password === undefined ? undefined : async () => password });
    this.lockedByUser = false;
    return { state: 'ready', path: this.path };
  }

  /** Wipes the vault key from memory; the window shows the lock screen until unlock(). */
  lock(): void {
    if (!Vault.exists(this.options.home)) return;
    this.opened?.close();
    this.opened = null;
    this.lockedByUser = true;
  }

  /** No vault key in memory (locked by the user or by auto-lock, or never unlocked). */
  get locked(): boolean {
    return this.opened === null;
  }

  async vault(): Promise<Vault> {
    if (this.opened) return this.opened;
    if (this.lockedByUser) throw new RekeyError('locked', 'The vault is locked. Unlock it to continue.');
    try {
      this.opened = await Vault.open(this.vaultOptions());
    } catch (error) {
      if (error instanceof RekeyError && error.code === 'password-required') throw new RekeyError('locked', 'The vault is locked. Unlock it to continue.');
      throw error;
    }
    return this.opened;
  }

  /** Dates, settings and reminder state: readable locked or not; null before the vault exists. */
  metadata(): VaultMetadata | null {
    if (this.meta) return this.meta;
    if (!Vault.exists(this.options.home)) return null;
    this.meta = VaultMetadata.open(this.options.home, this.options.clock ?? systemClock);
    return this.meta;
  }

  hasPassword(): Promise<boolean> {
    return hasMasterPassword(this.options);
  }

  /** Set (current undefined), change or remove (next null) the master password. */
  async setPassword(current: string | undefined, next: string | null) {
    return changeMasterPassword({ ...this.vaultOptions(), askPassword: current === undefined ? undefined : async () => current }, next);
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
    this.meta?.close();
    this.meta = null;
  }

  private statusFor(error: unknown): VaultStatus {
    if (error instanceof RekeyError && error.code === 'locked') return { state: 'locked', path: this.path, hasPassword: true };
    if (error instanceof RekeyError && KEYCHAIN_TROUBLE.has(error.code)) return { state: 'keychain-unavailable', path: this.path, message: error.message };
    throw error;
  }

  private vaultOptions() {
    return { home: this.options.home, keyStore: this.options.keyStore, clock: this.options.clock ?? systemClock, kdfCost: this.options.kdfCost };
  }
}
