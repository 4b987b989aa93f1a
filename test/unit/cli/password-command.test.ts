import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../electron/cli/cli-context.js';
import { main } from '../../../electron/cli/rekey.js';
import { MemoryKeyStore, Vault, hasMasterPassword } from '../../../electron/core/index.js';
import { FixedClock, tempDir } from '../../support/temp-vault.js';

/**
 * `rekey password …` on a terminal: each prompt is answered only once it is shown, the way a
 * person types, and nothing typed is echoed to the terminal.
 */
function terminalSession(home: string, keyStore: MemoryKeyStore, answers: Record<string, string>) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  const stderr = new PassThrough();
  const stdout = new PassThrough();
  let shown = '';
  let printed = '';
  stderr.on('data', (chunk: Buffer) => {
    shown += chunk.toString('utf8');
    for (const [prompt, answer] of Object.entries(answers)) {
      if (shown.endsWith(prompt)) setImmediate(() => stdin.write(`${answer}\r`));
    }
  });
  stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const ctx: CliContext = { stdin, stdout, stderr, env: { REKEY_HOME: home }, cwd: home, keyStore, clock: new FixedClock() };
  return { ctx, shown: () => shown, printed: () => printed };
}

describe('rekey password on a terminal', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('set asks for the new password twice, hidden; a mismatch changes nothing; change asks for the current one first', async () => {
    const home = join(dir.path, 'vault');
    const keyStore = new MemoryKeyStore();
    (await Vault.init({ home, keyStore })).close();

    const mismatch = terminalSession(home, keyStore, {
      'New master password (input hidden): ': 'first try 123',
      'The same again: ': 'first try 124',
    });
    expect(await main(['password', 'set'], mismatch.ctx)).toBe(1);
    expect(mismatch.shown()).toContain('rekey: The two passwords differ; nothing was changed.');
    expect(await hasMasterPassword({ home, keyStore })).toBe(false);

    const set = terminalSession(home, keyStore, {
      'New master password (input hidden): ': 'tall ships 1805',
      'The same again: ': 'tall ships 1805',
    });
    expect(await main(['password', 'set'], set.ctx)).toBe(0);
    expect(set.printed()).toMatch(/^Master password set/);
    expect(set.shown()).not.toContain('tall ships');
    expect(await hasMasterPassword({ home, keyStore })).toBe(true);

    const list = terminalSession(home, keyStore, { 'Master password (input hidden): ': 'tall ships 1805' });
    expect(await main(['list'], list.ctx)).toBe(0);
    expect(list.printed()).toMatch(/No secrets here yet/);

    const refused = terminalSession(home, keyStore, {});
    expect(await main(['list', '--no-input'], refused.ctx)).toBe(1);
    expect(refused.shown()).toBe(
      'rekey: This vault has a master password, and --no-input forbids asking for it. Pass it on the first line of stdin with --password-stdin instead.\n',
    );

    const change = terminalSession(home, keyStore, {
      'Current master password (input hidden): ': 'tall ships 1805',
      'New master password (input hidden): ': 'low tide 2024!',
      'The same again: ': 'low tide 2024!',
    });
    expect(await main(['password', 'change'], change.ctx)).toBe(0);
    expect(change.shown().indexOf('Current master password')).toBeLessThan(change.shown().indexOf('New master password'));
    const vault = await Vault.open({ home, keyStore, askPassword: async () => 'low tide 2024!' });
    vault.close();
    // five runs of the real scrypt cost (~0.4 s each, more on a busy machine)
  }, 60_000);
});
