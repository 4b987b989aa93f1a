import type { CliContext, ExitCode } from './cli-context.js';

export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(ctx: CliContext, argv: readonly string[]): Promise<ExitCode>;
}
