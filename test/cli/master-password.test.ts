import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throttleDelaySeconds } from '../../electron/core/index.js';
import { DEFAULT_SCRYPT_COST, decodeVaultKey, newKdfParams, wrapVaultKey, wrappedKdfParams } from '../../electron/core/crypto/index.js';
import { type CliVault, REKEY_BIN, REPO_ROOT, createCliVault, expectCleanError, expectOk } from '../support/cli-runner.js';
import { realKeyStore, requirePrivateKeyring } from '../support/real-keychain.js';
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
    expect(expectCleanError(await v.run(['password', 'change', '--password-stdin'], { stdin: `wrong password!\n${NEXT}\n` }))).toBe(
      'rekey: Wrong master password.',
    );
    expectOk(await v.run(['password', 'change', '--password-stdin'], { stdin: `${PASSWORD}\n${NEXT}\n` }));
    expectOk(await v.run(['get', 'gh', '--password-stdin'], { stdin: `${NEXT}\n` }));
    expect(expectOk(await v.run(['password', 'remove', '--password-stdin'], { stdin: `${NEXT}\n` })).out).toMatch(
      /^Master password removed/,
    );
    expect(expectOk(await v.run(['get', 'gh', '--no-input'])).out).toBe(value);
    const audit = expectOk(await v.run(['audit'])).out;
    expect(audit).toMatch(/vault\.password-set[\s\S]*vault\.password-change[\s\S]*vault\.password-remove/);
    for (const text of [audit]) expect(text).not.toContain(PASSWORD);
  });
});

/** Started with stdin held open, so a batch can be released at one moment. */
function startHeld(v: CliVault, args: readonly string[]) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [REKEY_BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...v.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdout.resume();
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr: Buffer.concat(stderr).toString('utf8') })),
  );
  return { child, done };
}

/** CPU ticks so far (utime + stime, /proc/PID/stat): a process blocked on stdin stops adding any. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}

/** Waits until every process has loaded and sits idle (reading stdin): 400 ms without a tick. */
async function untilAllIdle(pids: readonly number[]): Promise<void> {
  let last = pids.map(cpuTicks);
  let stillFor = 0;
  for (let waited = 0; waited < 30_000 && stillFor < 400; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = pids.map(cpuTicks);
    stillFor = now.every((ticks, i) => ticks === last[i]) ? stillFor + 100 : 0;
    last = now;
  }
}

describe('parallel wrong master passwords (issue 13, item 5)', () => {
  let v: CliVault;
  beforeAll(async () => {
    v = await createCliVault();
    expectOk(await v.run(['password', 'set'], { stdin: `${PASSWORD}\n` }));
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('only the free attempts reach the KDF (wrong password); every other one is throttled, untried', async () => {
    let free = 0;
    while (throttleDelaySeconds(free) === 0) free++;
    const runs = Array.from({ length: 6 }, () => startHeld(v, ['list', '--password-stdin']));
    // all loaded and waiting for their password, then released together
    await untilAllIdle(runs.map((run) => run.child.pid as number));
    for (const run of runs) run.child.stdin.end('not the password, in parallel\n');
    const results = await Promise.all(runs.map((run) => run.done));

    const wrong = results.filter((result) => /^rekey: Wrong master password\./.test(result.stderr));
    const throttled = results.filter((result) =>
      /^rekey: Too many wrong master passwords\. Try again in \d+ seconds?\.\n$/.test(result.stderr),
    );
    expect(results.every((result) => result.code === 1)).toBe(true);
    expect(wrong.length).toBeGreaterThanOrEqual(1);
    expect(wrong.length).toBeLessThanOrEqual(free);
    expect(wrong.length + throttled.length).toBe(results.length);
  }, 60_000);
});

describe('the KDF upgrade on unlock (issue 13, item 8)', () => {
  let v: CliVault;
  beforeAll(async () => {
    v = await createCliVault();
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('a key wrapped at a cheap cost is re-wrapped at the default cost by an unlock through the CLI', async () => {
    const keyStore = realKeyStore(v.service);
    const account = `vault-key:${v.vaultId() ?? ''}`;
    const bare = decodeVaultKey((await keyStore.get(account)) ?? '');
    if (!bare) throw new Error('the new vault has no bare key in the keychain');
    // what a vault from an older Rekey, or one wrapped on a slow machine, holds
    await keyStore.set(account, await wrapVaultKey(bare, PASSWORD, v.vaultId() ?? '', newKdfParams({ N: 2 ** 10, r: 8, p: 1 })));
    expect(wrappedKdfParams((await keyStore.get(account)) ?? '')).toMatchObject({ N: 2 ** 10 });

    expectOk(await v.run(['list', '--password-stdin'], { stdin: `${PASSWORD}\n` }));
    const raised = wrappedKdfParams((await keyStore.get(account)) ?? '');
    expect(raised).toMatchObject({ algorithm: 'scrypt', ...DEFAULT_SCRYPT_COST });
    bare.fill(0);
    // the raised wrap opens with the same password (and is not raised again)
    const before = await keyStore.get(account);
    expectOk(await v.run(['list', '--password-stdin'], { stdin: `${PASSWORD}\n` }));
    expect(await keyStore.get(account)).toBe(before);
  }, 30_000);
});
