import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { RekeyError, createBackup, dotenv, restoreBackup, vaultDatabasePath } from '../../core/index.js';
import { flag, parseCommandArgs, stringOption } from '../arguments.js';
import { EXIT, UsageError, out, warn } from '../cli-context.js';
import type { Command } from '../command.js';
import { vaultOptions, withVault } from '../open-vault.js';
import { readPassphrase } from '../passphrase-input.js';
import { oneLine } from '../terminal-safe.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const backup: Command = {
  name: 'backup',
  usage: 'rekey backup -o FILE [--force] [--passphrase-stdin]',
  summary: 'write the whole vault (values with history, metadata, audit log) to a passphrase-encrypted file',
  async run(ctx, argv) {
    const args = parseCommandArgs(
      'backup',
      argv,
      { output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, 'passphrase-stdin': { type: 'boolean' } },
      { min: 0, max: 0, names: '' },
    );
    const output = stringOption(args, 'output');
    if (output === undefined) throw new UsageError('missing -o FILE (where to write the backup)', 'backup');
    const target = resolve(ctx.cwd, output);
    if (existsSync(target) && !flag(args, 'force')) {
      throw new RekeyError('file-exists', `${target} already exists; nothing was written. Use --force to overwrite it.`);
    }
    const passphrase = await readPassphrase(ctx, 'backup', { fromStdin: flag(args, 'passphrase-stdin'), confirm: true });
    const { bytes, verdict } = await withVault(ctx, (vault) => createBackup(vault, ctx.keyStore, passphrase, { clock: ctx.clock }));
    await dotenv.writeFileAtomic(target, bytes, { force: flag(args, 'force') });
    out(
      ctx,
      `Wrote ${oneLine(target)} (mode 0600): ${plural(verdict.secrets, 'secret')}, ${plural(verdict.versions, 'stored version')}, ` +
        `${verdict.auditEntries} audit ${verdict.auditEntries === 1 ? 'entry' : 'entries'}.`,
    );
    out(ctx, 'Keep the passphrase somewhere safe: without it the backup cannot be opened.');
    if (verdict.auditProblem) warn(ctx, `the vault's audit log does not verify (${verdict.auditProblem}); the backup carries it as it is.`);
    return EXIT.ok;
  },
};

export const restore: Command = {
  name: 'restore',
  usage: 'rekey restore FILE [--replace] [--replace-keychain-item] [--passphrase-stdin]',
  summary: 'restore a backup into an empty vault folder (or --replace the current vault, keeping a copy of it)',
  async run(ctx, argv) {
    const args = parseCommandArgs(
      'restore',
      argv,
      { replace: { type: 'boolean' }, 'replace-keychain-item': { type: 'boolean' }, 'passphrase-stdin': { type: 'boolean' } },
      { min: 1, max: 1, names: 'FILE' },
    );
    const source = resolve(ctx.cwd, args.positionals[0] as string);
    let file: Buffer;
    try {
      file = await readFile(source);
    } catch {
      throw new RekeyError('not-found', `Cannot read ${source}; nothing was changed.`);
    }
    const passphrase = await readPassphrase(ctx, 'restore', { fromStdin: flag(args, 'passphrase-stdin'), confirm: false });
    const options = vaultOptions(ctx);
    const result = await restoreBackup(file, passphrase, {
      ...options,
      replace: flag(args, 'replace'),
      replaceKeychainItem: flag(args, 'replace-keychain-item'),
    }).catch((error: unknown) => {
      if (error instanceof RekeyError && error.code === 'already-initialised') {
        throw new RekeyError(
          'already-initialised',
          `A vault already exists at ${vaultDatabasePath(options.home)}; nothing was changed. Set REKEY_HOME to an empty folder, ` +
            'or pass --replace (the current vault is then kept beside the restored one as a copy).',
        );
      }
      throw error;
    });
    out(
      ctx,
      `Restored ${plural(result.verdict.secrets, 'secret')} (${plural(result.verdict.versions, 'stored version')}) ` +
        `from the backup of ${result.backupCreatedAt} into ${oneLine(result.path)}.`,
    );
    if (result.previousVaultKeptAt) out(ctx, `The vault it replaced is kept at ${oneLine(result.previousVaultKeptAt)}.`);
    if (result.masterPassword) out(ctx, 'It has the master password it had when the backup was made.');
    if (result.verdict.auditProblem)
      warn(ctx, `the restored audit log does not verify (${result.verdict.auditProblem}), as in the vault it was taken from.`);
    return EXIT.ok;
  },
};
