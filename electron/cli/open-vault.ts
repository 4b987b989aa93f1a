import { Vault, resolveVaultHome } from '../core/index.js';
import type { CliContext } from './cli-context.js';

export function vaultOptions(ctx: CliContext) {
  return { home: resolveVaultHome(ctx.env), keyStore: ctx.keyStore, clock: ctx.clock };
}

/** Opens, runs, and always closes (wiping the key from memory), whatever happens. */
export async function withVault<T>(ctx: CliContext, use: (vault: Vault) => T | Promise<T>): Promise<T> {
  const vault = await Vault.open(vaultOptions(ctx));
  try {
    return await use(vault);
  } finally {
    vault.close();
  }
}
