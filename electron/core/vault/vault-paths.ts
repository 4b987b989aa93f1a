import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const VAULT_APP_NAME = 'Rekey';
export const VAULT_DB_FILE = 'vault.db';

/**
 * The folder Electron's app.getPath('userData') gives for an app named "Rekey", so the CLI
 * and the desktop app open the same vault (docs/architecture.md §3).
 */
export function defaultVaultHome(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', VAULT_APP_NAME);
    case 'win32':
      return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), VAULT_APP_NAME);
    default:
      return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), VAULT_APP_NAME);
  }
}

export function resolveVaultHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['REKEY_HOME']?.trim();
  return fromEnv ? resolve(fromEnv) : defaultVaultHome(env);
}

export function vaultDatabasePath(home: string): string {
  return join(home, VAULT_DB_FILE);
}
