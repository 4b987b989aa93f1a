import { RekeyError, Vault, resolveVaultHome } from '../core/index.js';
import type { CliContext } from './cli-context.js';
import { promptHidden } from './secret-input.js';

export function vaultOptions(ctx: CliContext) {
  return { home: resolveVaultHome(ctx.env), keyStore: ctx.keyStore, clock: ctx.clock, askPassword: passwordAsker(ctx) };
}

/** Asked only when the vault has a master password (core calls it after the throttle allows). */
export function passwordAsker(ctx: CliContext, label = 'Master password'): () => Promise<string> {
  return async () => {
    const source = ctx.password ?? { kind: 'prompt' };
    if (source.kind === 'given') return source.password;
    if (source.kind === 'prompt' && ctx.stdin.isTTY && ctx.stdin.setRawMode) return promptHidden(ctx, `${label} (input hidden): `);
    throw new RekeyError(
      'password-required',
      source.kind === 'refuse'
        ? 'This vault has a master password, and --no-input forbids asking for it. Pass it on the first line of stdin with --password-stdin instead.'
        : 'This vault has a master password and stdin is not a terminal to ask on. Pass it on the first line of stdin with --password-stdin.',
    );
  };
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
