import { RekeyError } from '../core/index.js';
import { UsageError, type CliContext } from './cli-context.js';
import { promptHidden } from './secret-input.js';

/**
 * A backup passphrase comes from a hidden terminal prompt, or with --passphrase-stdin from the
 * first line of stdin (for scripts); never from an argument, which `ps` would show.
 */
export async function readPassphrase(ctx: CliContext, command: string, options: { fromStdin: boolean; confirm: boolean }): Promise<string> {
  if (options.fromStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    const firstLine = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
    if (firstLine === '') throw new RekeyError('invalid-input', 'No passphrase on stdin (expected it on the first line).');
    return firstLine;
  }
  if (!ctx.stdin.isTTY || !ctx.stdin.setRawMode) {
    throw new UsageError('no terminal to ask for the passphrase on; pipe it in with --passphrase-stdin', command);
  }
  const passphrase = await promptHidden(ctx, 'Backup passphrase (input hidden): ');
  if (options.confirm) {
    const again = await promptHidden(ctx, 'The same passphrase again: ');
    if (again !== passphrase) throw new RekeyError('invalid-input', 'The two passphrases differ; nothing was written.');
  }
  return passphrase;
}
