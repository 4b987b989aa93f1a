import { Readable } from 'node:stream';
import { RekeyError, isRekeyError } from '../core/index.js';
import { type CliContext, EXIT, type ExitCode, type PasswordSource, UsageError } from './cli-context.js';
import { COMMANDS } from './commands/index.js';
import { oneLine, terminalSafe } from './terminal-safe.js';

import { VERSION } from './version.js';

export { VERSION };

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'rekey: your API keys, encrypted under a key in the OS keychain, with rotation reminders.',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Secret values are read from stdin (hidden prompt on a terminal), never from arguments.',
    "The vault lives in $REKEY_HOME, or the Rekey app-data folder; `rekey help COMMAND` shows a command's options.",
    'With a master password set, Rekey asks for it on the terminal. Options for scripts, before or after the command:',
    "  --password-stdin   the first line of stdin is the master password (the rest is the command's input)",
    '  --no-input         never prompt; fail with a clear message if the password is needed',
    '`rekey due` reads only dates, so it never needs the password.',
    'Exit codes: 0 ok, 1 error, 2 usage error, 3 `due` found overdue or exposed keys, 4 `scan` found leaked keys.',
  ].join('\n');
}

function commandHelp(name: string): string | undefined {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  return command && `usage: ${command.usage}\n\n${command.summary}`;
}

/** The whole CLI as a function: argv in, exit code out; output through ctx. */
export async function main(fullArgv: readonly string[], ctx: CliContext): Promise<ExitCode> {
  const { argv, noInput, passwordStdin } = globalOptions(fullArgv);
  if (noInput && passwordStdin) return usage(ctx, new UsageError('--no-input and --password-stdin cannot be used together'));
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    const text = topic === undefined ? overview() : commandHelp(topic);
    if (text === undefined) return usage(ctx, new UsageError(`unknown command "${topic}"`));
    ctx.stdout.write(`${text}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    ctx.stdout.write(`rekey ${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) return usage(ctx, new UsageError(`unknown command "${name}"`));
  if (rest.includes('--help') && !(name === 'run' && rest.indexOf('--') !== -1 && rest.indexOf('--') < rest.indexOf('--help'))) {
    ctx.stdout.write(`${commandHelp(name)}\n`);
    return EXIT.ok;
  }
  try {
    let context: CliContext = { ...ctx, password: noInput ? { kind: 'refuse' } : { kind: 'prompt' } };
    if (passwordStdin) context = await withPasswordFromStdin(context);
    return await command.run(context, rest);
  } catch (error) {
    if (error instanceof UsageError) return usage(ctx, error);
    if (isRekeyError(error)) {
      ctx.stderr.write(`rekey: ${oneLine(error.message)}\n`);
      return EXIT.error;
    }
    // a bug, not a user mistake: one line, the stack only on request
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(`rekey: unexpected error: ${oneLine(message)}\n`);
    if (ctx.env['REKEY_DEBUG'] && error instanceof Error && error.stack) ctx.stderr.write(`${terminalSafe(error.stack)}\n`);
    return EXIT.error;
  }
}

function usage(ctx: CliContext, error: UsageError): ExitCode {
  const hint = error.command
    ? `usage: ${COMMANDS.find((command) => command.name === error.command)?.usage ?? ''}`
    : 'Run `rekey help` for the commands.';
  ctx.stderr.write(`rekey: ${oneLine(error.message)}\n${hint}\n`);
  return EXIT.usage;
}

/** The password options are global: accepted anywhere before a `--` (after it, they are the child's). */
function globalOptions(argv: readonly string[]): { argv: string[]; noInput: boolean; passwordStdin: boolean } {
  const end = argv.indexOf('--');
  const head = end === -1 ? [...argv] : argv.slice(0, end);
  const tail = end === -1 ? [] : argv.slice(end);
  return {
    argv: [...head.filter((arg) => arg !== '--no-input' && arg !== '--password-stdin'), ...tail],
    noInput: head.includes('--no-input'),
    passwordStdin: head.includes('--password-stdin'),
  };
}

/** Splits stdin: its first line is the password, the rest stays stdin for the command. */
async function withPasswordFromStdin(ctx: CliContext): Promise<CliContext> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const all = Buffer.concat(chunks);
  const newline = all.indexOf(0x0a);
  const line = (newline === -1 ? all : all.subarray(0, newline)).toString('utf8').replace(/\r$/, '');
  if (line === '') throw new RekeyError('invalid-input', '--password-stdin found no password on the first line of stdin.');
  const rest = newline === -1 ? Buffer.alloc(0) : all.subarray(newline + 1);
  const password: PasswordSource = { kind: 'given', password: line };
  return { ...ctx, stdin: Readable.from([rest]) as unknown as CliContext['stdin'], password };
}
