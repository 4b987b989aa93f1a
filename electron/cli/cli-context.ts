import type { Clock, KeyStore } from '../core/index.js';
import { oneLine, terminalSafe } from './terminal-safe.js';

/** Everything a command touches in the outside world, so commands stay plain functions. */
export interface CliContext {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly keyStore: KeyStore;
  readonly clock: Clock;
  /**
   * How a master password is obtained when the vault has one: asked on the terminal (hidden),
   * read from the first line of stdin (--password-stdin), or refused (--no-input). Set by main().
   */
  readonly password?: PasswordSource | undefined;
  /** How to run this same rekey again (node and bin/rekey.js, absolute): what a git hook calls. */
  readonly launcher?: readonly string[] | undefined;
  /** Worker threads for large scans: this same script, and how many. */
  readonly scanThreads?: { readonly script: URL; readonly count: number } | undefined;
}

export type PasswordSource = { kind: 'prompt' } | { kind: 'refuse' } | { kind: 'given'; password: string };

export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, error: 1, usage: 2, attention: 3, found: 4 } as const;
/** Our own codes are EXIT; `rekey run` passes on the child's status, whatever it is. */
export type ExitCode = number;

/** Output for a person: control characters in it are escaped (terminal-safe.ts); line feeds stay. */
export function out(ctx: CliContext, text: string): void {
  const safe = terminalSafe(text);
  ctx.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

/** One line on stderr, whatever the text quotes. */
export function warn(ctx: CliContext, text: string): void {
  ctx.stderr.write(`warning: ${oneLine(text)}\n`);
}
