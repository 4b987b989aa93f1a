import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../electron/cli/cli-context.js';
import { passwordAsker } from '../../../electron/cli/open-vault.js';
import { MemoryKeyStore, systemClock } from '../../../electron/core/index.js';

/** A terminal: raw mode is recorded, keystrokes are written by the test, nothing is echoed. */
function terminal(password: CliContext['password']) {
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    rawModes: [] as boolean[],
    setRawMode(raw: boolean) {
      this.rawModes.push(raw);
      return this;
    },
  });
  const stderr = new PassThrough();
  let shown = '';
  stderr.on('data', (chunk: Buffer) => (shown += chunk.toString('utf8')));
  const ctx: CliContext = {
    stdin,
    stdout: new PassThrough(),
    stderr,
    env: {},
    cwd: '/',
    keyStore: new MemoryKeyStore(),
    clock: systemClock,
    password,
  };
  return { ctx, stdin, shown: () => shown };
}

describe('asking for the master password', () => {
  it('prompts on a terminal in raw mode without echoing, honours backspace, and restores the terminal', async () => {
    const { ctx, stdin, shown } = terminal({ kind: 'prompt' });
    const answer = passwordAsker(ctx)();
    stdin.write('hunter22x\u007f\r');
    expect(await answer).toBe('hunter22');
    expect(stdin.rawModes).toEqual([true, false]);
    expect(shown()).toBe('Master password (input hidden): \n');
  });

  it('with --no-input it never prompts, even on a terminal', async () => {
    const { ctx, stdin, shown } = terminal({ kind: 'refuse' });
    await expect(passwordAsker(ctx)()).rejects.toThrow(/--no-input forbids asking for it/);
    expect(stdin.rawModes).toEqual([]);
    expect(shown()).toBe('');
  });

  it('Ctrl-C cancels the prompt', async () => {
    const { ctx, stdin } = terminal({ kind: 'prompt' });
    const answer = passwordAsker(ctx)();
    stdin.write('abc\u0003');
    await expect(answer).rejects.toThrow('Cancelled; nothing was changed.');
  });
});
