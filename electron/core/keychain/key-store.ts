/**
 * The port through which core reaches the OS keychain. The vault keeps exactly one item
 * there per vault: its vault key, base64 (docs/architecture.md §2). Everything else is in SQLite.
 */
export interface KeyStore {
  /** Human-readable name for messages, e.g. "OS keychain (Secret Service)". */
  readonly description: string;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'Rekey';

export function keychainService(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['REKEY_KEYCHAIN_SERVICE']?.trim();
  return fromEnv ? fromEnv : DEFAULT_KEYCHAIN_SERVICE;
}

/** One account per vault, so several vaults ($REKEY_HOME) can share one keychain. */
export function vaultKeyAccount(vaultId: string): string {
  return `vault-key:${vaultId}`;
}
