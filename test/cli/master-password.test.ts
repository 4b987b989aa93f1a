import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliVault, createCliVault, expectCleanError, expectOk } from '../support/cli-runner.js';
import { requirePrivateKeyring } from '../support/real-keychain.js';
import { sampleKeys } from '../support/sample-keys.js';

// Fails loudly, rather than skipping, outside test/scripts/with-private-keyring.sh.
requirePrivateKeyring();

const PASSWORD = 'plum tree 1492 lantern';
const NEXT = 'a different phrase entirely';

describe('the CLI with a master password', () => {
  let v: CliVault;
  const value = sampleKeys.github();
  beforeAll(async () => {
    v = await createCliVault();
    expectOk(await v.run(['add', 'gh'], { stdin: `${value}\n` }));
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('sets one from stdin, then refuses to open without it, with a clear one-line message', async () => {
    const set = expectOk(await v.run(['password', 'set'], { stdin: `${PASSWORD}\n` }));
    expect(set.out).toMatch(/^Master password set: opening the vault now needs it/);
    expect(expectCleanError(await v.run(['list']))).toBe(
      'rekey: This vault has a master password and stdin is not a terminal to ask on. Pass it on the first line of stdin with --password-stdin.',
    );
    expect(expectCleanError(await v.run(['--no-input', 'get', 'gh']))).toBe(
      'rekey: This vault has a master password, and --no-input forbids asking for it. Pass it on the first line of stdin with --password-stdin instead.',
    );
    expect(expectCleanError(await v.run(['password', 'set'], { stdin: `${NEXT}\n` }))).toMatch(/already has a master password/);
  });

  it('--password-stdin: the first line is the password, the rest is the command’s own input', async () => {
    const got = expectOk(await v.run(['get', 'gh', '--password-stdin'], { stdin: `${PASSWORD}\n` }));
    expect(got.out).toBe(value);
    const other = sampleKeys.stripe();
    expectOk(await v.run(['--password-stdin', 'add', 'stripe'], { stdin: `${PASSWORD}\n${other}\n` }));
    expect(expectOk(await v.run(['get', 'stripe', '--password-stdin'], { stdin: `${PASSWORD}\n` })).out).toBe(other);
  });

  it('`rekey due` works without the password (dates are not secret), so prompts and cron stay silent', async () => {
    const due = await v.run(['due', '--within', '400', '--no-input']);
    expect(due.code).toBe(0);
    expect(due.out).toMatch(/^gh\s/m);
  });

  it('a wrong password is refused and the next attempt has to wait; the password never shows in output', async () => {
    const wrong = 'not my password at all';
    expect(expectCleanError(await v.run(['list', '--password-stdin'], { stdin: `${wrong}\n` }))).toBe('rekey: Wrong master password.');
    const second = expectCleanError(await v.run(['list', '--password-stdin'], { stdin: `${wrong}\n` }));
    expect(second).toBe('rekey: Wrong master password. Try again in 1 second.');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const ok = expectOk(await v.run(['list', '--password-stdin'], { stdin: `${PASSWORD}\n` }));
    for (const text of [second, ok.out, ok.stderr]) expect(text).not.toContain(wrong);
  });

  it('change and remove need the current password', async () => {
    expect(expectCleanError(await v.run(['password', 'change', '--password-stdin'], { stdin: `wrong password!\n${NEXT}\n` }))).toBe('rekey: Wrong master password.');
    expectOk(await v.run(['password', 'change', '--password-stdin'], { stdin: `${PASSWORD}\n${NEXT}\n` }));
    expectOk(await v.run(['get', 'gh', '--password-stdin'], { stdin: `${NEXT}\n` }));
    expect(expectOk(await v.run(['password', 'remove', '--password-stdin'], { stdin: `${NEXT}\n` })).out).toMatch(/^Master password removed/);
    expect(expectOk(await v.run(['get', 'gh', '--no-input'])).out).toBe(value);
    const audit = expectOk(await v.run(['audit'])).out;
    expect(audit).toMatch(/vault\.password-set[\s\S]*vault\.password-change[\s\S]*vault\.password-remove/);
    for (const text of [audit]) expect(text).not.toContain(PASSWORD);
  });
});
