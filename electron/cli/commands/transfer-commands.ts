import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { constants as osConstants } from 'node:os';
import { RekeyError, applyImport, dotenv, environmentFor, exportSecrets, planImport } from '../../core/index.js';
import { flag, parseCommandArgs, stringOption } from '../arguments.js';
import { type CliContext, EXIT, type ExitCode, UsageError, out, warn } from '../cli-context.js';
import type { Command } from '../command.js';
import { table } from '../format.js';
import { oneLine } from '../terminal-safe.js';
import { withVault } from '../open-vault.js';

export const exportCommand: Command = {
  name: 'export',
  usage: 'rekey export [--project P] [--format dotenv|shell|json] [-o FILE] [--force]',
  summary: 'write secrets as a .env file (stdout without -o); refuses a value the format cannot carry exactly',
  async run(ctx, argv) {
    const args = parseCommandArgs(
      'export',
      argv,
      {
        project: { type: 'string' },
        format: { type: 'string', default: 'dotenv' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
      },
      { min: 0, max: 0, names: '' },
    );
    const format = stringOption(args, 'format') ?? 'dotenv';
    if (!(dotenv.EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format is one of ${dotenv.EXPORT_FORMATS.join(', ')}, not "${format}"`, 'export');
    }
    const output = stringOption(args, 'output');
    const target = output === undefined ? undefined : resolve(ctx.cwd, output);
    if (target !== undefined) checkTarget(target, flag(args, 'force'));

    const result = await withVault(ctx, (vault) =>
      exportSecrets(vault, { project: stringOption(args, 'project') }, format as dotenv.ExportFormat, target ?? 'stdout'),
    );
    if (target === undefined) {
      for (const warning of result.warnings) warn(ctx, warning);
      ctx.stdout.write(result.text);
      return EXIT.ok;
    }
    await dotenv.writeFileAtomic(target, result.text, { force: flag(args, 'force') });
    ctx.stderr.write(`Wrote ${result.names.length} secret(s) to ${oneLine(target)} (mode 0600).\n`);
    for (const warning of result.warnings) warn(ctx, warning);
    const exposure = await dotenv.gitExposureWarning(target);
    if (exposure) warn(ctx, exposure);
    return EXIT.ok;
  },
};

/** Checked before anything is decrypted, so a refused write discloses nothing. */
function checkTarget(target: string, force: boolean): void {
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new RekeyError('invalid-input', `Cannot write ${target}: the folder ${folder} does not exist.`);
  }
  if (existsSync(target) && !force) {
    throw new RekeyError('file-exists', `${target} already exists; nothing was written. Use --force to overwrite it.`);
  }
}

export const importCommand: Command = {
  name: 'import',
  usage: 'rekey import FILE [--project P] [--dry-run]',
  summary: 'store every variable of a .env file (all or nothing); --dry-run shows the preview only',
  async run(ctx, argv) {
    const args = parseCommandArgs(
      'import',
      argv,
      { project: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      { min: 1, max: 1, names: 'FILE' },
    );
    const file = resolve(ctx.cwd, args.positionals[0] as string);
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new RekeyError(
        'import-invalid',
        code === 'ENOENT' ? `No file at ${file}.` : `Cannot read ${file} (${code ?? 'unknown error'}).`,
      );
    }
    const parsed = dotenv.parseEnvFile(content, file);
    return withVault(ctx, (vault) => {
      const plan = planImport(vault, parsed, file, stringOption(args, 'project') ?? '');
      out(
        ctx,
        table(
          ['ENV VAR', 'NAME', 'PROVIDER', 'VALUE', 'NOTE'],
          plan.rows.map((row) => [
            row.envVar,
            row.name,
            row.providerName,
            row.masked,
            [
              row.problem,
              row.sameValueAs.length > 0 ? `same value as ${row.sameValueAs.join(', ')}` : null,
              row.warning === null ? null : 'loads code: see warning',
            ]
              .filter(Boolean)
              .join('; '),
          ]),
        ),
      );
      for (const row of plan.rows) if (row.warning !== null) warn(ctx, row.warning);
      if (plan.ignoredLines.length > 0) {
        warn(ctx, `line(s) ${plan.ignoredLines.join(', ')} of ${file} were not understood and are skipped.`);
      }
      if (flag(args, 'dry-run')) {
        out(
          ctx,
          plan.importable
            ? `Dry run: ${plan.rows.length} secret(s) would be imported; nothing was stored.`
            : 'Dry run: the import would be refused (see NOTE); nothing was stored.',
        );
        return EXIT.ok;
      }
      const added = applyImport(vault, plan);
      for (const { warnings } of added) for (const warning of warnings) warn(ctx, warning);
      out(ctx, `Imported ${added.length} secret(s) from ${oneLine(file)}.`);
      return EXIT.ok;
    });
  },
};

export const run: Command = {
  name: 'run',
  usage: 'rekey run (--project P | --all) -- CMD [ARGS…]',
  summary:
    'start CMD with the secrets in its environment only (nothing is written to disk); never sets variables that load code, such as PATH or LD_PRELOAD',
  async run(ctx, argv) {
    const separator = argv.indexOf('--');
    if (separator === -1 || separator === argv.length - 1) {
      throw new UsageError('give the command after --, e.g. rekey run --project api -- npm start', 'run');
    }
    const args = parseCommandArgs(
      'run',
      argv.slice(0, separator),
      { project: { type: 'string' }, all: { type: 'boolean' } },
      { min: 0, max: 0, names: '' },
    );
    const project = stringOption(args, 'project');
    // Every key in the vault going to whatever command was typed is too easy to do by accident.
    if (project === undefined && !flag(args, 'all')) {
      throw new UsageError('say which keys the command gets: pass --project P, or --all for every key in the vault', 'run');
    }
    if (project !== undefined && flag(args, 'all')) throw new UsageError('pass either --project P or --all, not both', 'run');
    const [command, ...commandArgs] = argv.slice(separator + 1) as [string, ...string[]];
    const secrets = await withVault(ctx, (vault) => environmentFor(vault, { project }, command));
    for (const warning of secrets.warnings) warn(ctx, warning);
    return runChild(ctx, command, commandArgs, { ...ctx.env, ...secrets.env });
  },
};

function runChild(ctx: CliContext, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ExitCode> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env, cwd: ctx.cwd });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const signal of signals) process.on(signal, forward);
    const cleanup = () => {
      for (const signal of signals) process.off(signal, forward);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      cleanup();
      reject(
        new RekeyError(
          'invalid-input',
          error.code === 'ENOENT' ? `Command not found: ${command}` : `Cannot start ${command}: ${error.code ?? error.message}`,
        ),
      );
    });
    child.on('exit', (code, signal) => {
      cleanup();
      // the child's own exit status is ours, as a shell would report it
      const status = code ?? 128 + (signal ? osConstants.signals[signal] : 0);
      resolvePromise(status);
    });
  });
}
