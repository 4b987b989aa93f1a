import type { z } from 'zod';
import { CONTRACT, type Contract, METHODS, type Method, type Output, type Result } from '../../contract/index.js';
import { isRekeyError } from '../../core/index.js';

export type Handlers = {
  readonly [M in Method]: (input: z.output<Contract[M]['input']>) => Promise<Output<M>> | Output<M>;
};

export interface Sender {
  /** The request came from our own window's main frame (main checks event.senderFrame). */
  readonly trusted: boolean;
}

export type Dispatch = (channel: string, input: unknown, sender: Sender) => Promise<Result<unknown>>;

const fail = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** zod's messages name fields and limits; they never quote the input, so no value leaks. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request was not valid.';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `Invalid request: ${where}${issue.message.replace(/\.$/, '')}.`;
}

/**
 * The one door into main (docs/architecture.md §5): a known channel, from our own frame, with input
 * that parses; every outcome is a Result, so a bad call is an answer, never a crash.
 */
export function createDispatcher(handlers: Handlers, logError: (line: string) => void): Dispatch {
  const methodByChannel = new Map<string, Method>(METHODS.map((method) => [CONTRACT[method].channel, method]));
  return async (channel, input, sender) => {
    const method = methodByChannel.get(channel);
    if (method === undefined) return fail('unknown-channel', 'Unknown request.');
    if (!sender.trusted) return fail('forbidden', 'This request did not come from the Rekey window.');
    const parsed = CONTRACT[method].input.safeParse(input);
    if (!parsed.success) return fail('invalid-input', describe(parsed.error));
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (isRekeyError(error)) return fail(error.code, error.message);
      // a bug: log what kind of failure, never its message (it could quote data)
      logError(`rekey: ${method} failed with ${error instanceof Error ? error.name : typeof error}`);
      return fail('internal', 'Rekey hit an unexpected error; please try again.');
    }
  };
}
