import { RekeyError, decodeSecretBytes } from '../core/index.js';
import type { CliContext } from './cli-context.js';
import { terminalSafe } from './terminal-safe.js';

/**
 * Values come from stdin only: argv is visible to other users in `ps`.
 * Exactly the bytes given are kept, except one trailing newline on single-line input, so
 * `echo KEY | rekey add` stores KEY while a PEM keeps its final newline.
 */
export async function readSecretValue(ctx: CliContext, label: string): Promise<string> {
  if (ctx.stdin.isTTY && ctx.stdin.setRawMode) return promptHidden(ctx, `Value for ${label} (input hidden, Enter to finish): `);
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const text = decodeSecretBytes(Buffer.concat(chunks), label);
  return dropSingleLineNewline(text);
}

export function dropSingleLineNewline(text: string): string {
  const withoutNewline = text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
  return withoutNewline.includes('\n') ? text : withoutNewline;
}

/** Reads one line from the terminal without echoing it. */
export function promptHidden(ctx: CliContext, prompt: string): Promise<string> {
  const { stdin } = ctx;
  // callers ask only on a terminal; without raw mode the typed value would echo
  if (!stdin.setRawMode) throw new RekeyError('invalid-input', 'Hidden input needs a terminal.');
  const rawMode = (on: boolean) => stdin.setRawMode?.(on);
  ctx.stderr.write(terminalSafe(prompt));
  rawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      rawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      ctx.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new RekeyError('invalid-input', 'Cancelled; nothing was changed.'));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}
