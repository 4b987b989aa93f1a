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
  /** scrypt cost for a new master password and for backups; tests pass a cheap one. */
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
  private opening: Promise<Vault> | null = null;
  private lockedByUser = false;
  /** The tail of the queue of password attempts (unlock, password changes): one at a time. */
  private attempts: Promise<unknown> = Promise.resolve();
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

  /**
   * Wrong passwords and the throttle come back as RekeyErrors with their own messages. Calls
   * run one at a time: a second unlock waits for the first, then finds the vault open (no
   * second keychain read, no second vault left open) or meets the throttle the first one set.
   */
  unlock(password: string | undefined): Promise<VaultStatus> {
    return this.oneAtATime(async () => {
      if (this.opened) return { state: 'ready', path: this.path };
      // an open already under way (openEarly, the window's first calls) finishes first
      await this.opening?.catch(() => undefined);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- TypeScript keeps the narrowing across the await; the open above may have set it
      if (this.opened) return { state: 'ready', path: this.path };
      this.opened = await Vault.open({ ...this.vaultOptions(), askPassword: password === undefined ? undefined : async () => password });
      this.lockedByUser = false;
      return { state: 'ready', path: this.path };
    });
  }

  /**
   * Starts opening the vault while the window loads, so its first questions (status, the first
   * screen of keys) find it open instead of waiting for the keychain. Quiet on failure: a vault
   * that cannot open (no vault yet, a master password, keychain trouble) answers status() with
   * the reason when the window asks.
   */
  openEarly(): void {
    if (this.opened || this.lockedByUser || !Vault.exists(this.options.home)) return;
    this.vault().catch(() => undefined);
  }

  /** Wipes the vault key from memory; the window shows the lock screen until unlock(). */
  lock(): void {
    if (!Vault.exists(this.options.home)) return;
    this.opened?.close();
    this.opened = null;
    this.lockedByUser = true;
  }

  /** The open vault, or null when locked or not opened yet (never opens it). */
  get openVault(): Vault | null {
    return this.opened;
  }

  /** No vault key in memory (locked by the user or by auto-lock, or never unlocked). */
  get locked(): boolean {
    return this.opened === null;
  }

  async vault(): Promise<Vault> {
    if (this.opened) return this.opened;
    if (this.lockedByUser) throw new RekeyError('locked', 'The vault is locked. Unlock it to continue.');
    // the window asks for its status and its first keys at once: both wait for one open (one
    // keychain read), instead of each opening the vault and one of the two leaking
    this.opening ??= this.open().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private async open(): Promise<Vault> {
    let vault: Vault;
    try {
      vault = await Vault.open(this.vaultOptions());
    } catch (error) {
      if (error instanceof RekeyError && error.code === 'password-required')
        throw new RekeyError('locked', 'The vault is locked. Unlock it to continue.');
      throw error;
    }
    // locked while the keychain was being read: the key must not stay in memory
    if (this.lockedByUser) {
      vault.close();
      throw new RekeyError('locked', 'The vault is locked. Unlock it to continue.');
    }
    this.opened = vault;
    return vault;
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
  setPassword(current: string | undefined, next: string | null) {
    return this.oneAtATime(() =>
      changeMasterPassword({ ...this.vaultOptions(), askPassword: current === undefined ? undefined : async () => current }, next),
    );
  }

  /** The sealed backup of the open vault (its keychain item read once more, for a master password). */
  async backup(passphrase: string): Promise<Awaited<ReturnType<typeof createBackup>>> {
    return createBackup(await this.vault(), this.options.keyStore, passphrase, {
      clock: this.options.clock,
      kdfCost: this.options.kdfCost,
    });
  }

  /**
   * Restores into this window's vault folder, which must not hold a vault yet. The restored vault
   * opens on the next status(), or waits for unlock() when it came back with a master password.
   */
  async restore(file: Buffer, passphrase: string): Promise<RestoreResult> {
    const result = await restoreBackup(file, passphrase, {
      home: this.options.home,
      keyStore: this.options.keyStore,
      clock: this.options.clock,
    });
    this.close();
    this.lockedByUser = false;
    return result;
  }

  close(): void {
    this.opened?.close();
    this.opened = null;
    this.meta?.close();
    this.meta = null;
  }

  private oneAtATime<T>(attempt: () => Promise<T>): Promise<T> {
    const run = this.attempts.then(attempt);
    this.attempts = run.catch(() => undefined);
    return run;
  }

  private statusFor(error: unknown): VaultStatus {
    if (error instanceof RekeyError && error.code === 'locked') return { state: 'locked', path: this.path, hasPassword: true };
    if (error instanceof RekeyError && KEYCHAIN_TROUBLE.has(error.code))
      return { state: 'keychain-unavailable', path: this.path, message: error.message };
    throw error;
  }

  private vaultOptions() {
    return {
      home: this.options.home,
      keyStore: this.options.keyStore,
      clock: this.options.clock ?? systemClock,
      kdfCost: this.options.kdfCost,
    };
  }
}
