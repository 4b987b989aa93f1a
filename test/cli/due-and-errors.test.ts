import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliVault, createCliVault, expectCleanError, expectOk, expectUsageError } from '../support/cli-runner.js';
import { realKeyStore, requirePrivateKeyring } from '../support/real-keychain.js';
import { sampleKeys } from '../support/sample-keys.js';

// Fails loudly, rather than skipping, outside test/scripts/with-private-keyring.sh.
requirePrivateKeyring();

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface SecretJson {
  name: string;
  status: string;
  dueAt: string;
}

describe('due', () => {
  let v: CliVault;
  beforeAll(async () => {
    v = await createCliVault();
  });
  afterAll(async () => {
    await v.cleanup();
  });

  async function dueJson(...args: string[]): Promise<{ code: number; names: string[]; secrets: SecretJson[] }> {
    const result = await v.run(['due', '--json', ...args]);
    const secrets = JSON.parse(result.out) as SecretJson[];
    return { code: result.code, names: secrets.map((s) => s.name), secrets };
  }

  it('exits 0 when nothing is due', async () => {
    const empty = expectOk(await v.run(['due']));
    expect(empty.out).not.toBe('');
    await v.ok(['add', 'fresh', '--rotate-every', '30'], { stdin: `${sampleKeys.generic()}\n` });
    expect(expectOk(await v.run(['due'])).out).not.toMatch(/^fresh\s/m);
    expect(await dueJson()).toMatchObject({ code: 0, names: [] });
  });

  it('--within DAYS also lists keys due within that many days, without the overdue exit code', async () => {
    const within = expectOk(await v.run(['due', '--within', '45']));
    expect(within.out).toMatch(/^fresh\s/m);
    expect(await dueJson('--within', '45')).toMatchObject({ code: 0, names: ['fresh'] });
    expect(await dueJson('--within', '20')).toMatchObject({ code: 0, names: [] });
    expectUsageError(await v.run(['due', '--within', 'soon']));
  });

  it('exits 3 with an overdue key and lists it; rotating it brings exit 0 back', async () => {
    await v.ok(['add', 'old', '--rotated-at', '2020-01-01'], { stdin: `${sampleKeys.generic()}\n` });
    const table = await v.run(['due']);
    expect(table.code).toBe(3);
    expect(table.out).toMatch(/^old\s.*overdue/m);
    expect(table.out).not.toMatch(/^fresh\s/m);
    const json = await dueJson();
    expect(json.code).toBe(3);
    expect(json.secrets.map((s) => [s.name, s.status])).toEqual([['old', 'overdue']]);
    expect(json.secrets[0]?.dueAt).toMatch(ISO);
    await v.ok(['rotate', 'old'], { stdin: `${sampleKeys.generic()}\n` });
    expect((await v.run(['due'])).code).toBe(0);
  });

  it('exits 3 with an exposed key', async () => {
    await v.ok(['expose', 'fresh']);
    const json = await dueJson();
    expect(json.code).toBe(3);
    expect(json.secrets.map((s) => [s.name, s.status])).toEqual([['fresh', 'exposed']]);
    await v.ok(['unexpose', 'fresh']);
    expect((await v.run(['due'])).code).toBe(0);
  });
  it('--within DAYS narrows as well as widens: a key due in 10 days is not "due within 3 days"', async () => {
    await v.ok(['add', 'soon', '--rotate-every', '10'], { stdin: `${sampleKeys.generic()}\n` });
    // inside the default 14-day lead time, so plain `due` lists it, without the overdue exit code
    expect(await dueJson()).toMatchObject({ code: 0, names: ['soon'] });
    expect(await dueJson('--within', '12')).toMatchObject({ code: 0, names: ['soon'] });
    expect(await dueJson('--within', '3')).toMatchObject({ code: 0, names: [] });
  });
});

describe('usage errors and unknown secrets', () => {
  let v: CliVault;
  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'known'], { stdin: `${sampleKeys.generic()}\n` });
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('an unknown command exits 2', async () => {
    const result = await v.run(['frobnicate']);
    expectUsageError(result);
    expect(result.stderr).toContain('frobnicate');
  });

  it('an unknown option exits 2 naming it', async () => {
    for (const args of [
      ['list', '--bogus'],
      ['get', 'known', '--verbose'],
      ['add', 'x', '--colour', 'red'],
    ]) {
      const result = await v.run(args, { stdin: 'value-that-is-not-used-123\n' });
      expectUsageError(result);
      expect(result.stderr).toContain(args.find((arg) => arg.startsWith('--')));
    }
  });

  it('a missing NAME exits 2', async () => {
    for (const command of ['get', 'add', 'rotate', 'edit', 'expose']) {
      const result = await v.run([command], { stdin: 'value-that-is-not-used-123\n' });
      expectUsageError(result);
    }
    expect((await v.ok(['list', '--json'])).out).not.toContain('value-that-is-not-used');
  });

  it('malformed option values exit 2', async () => {
    expectUsageError(await v.run(['add', 'y', '--rotate-every', 'monthly'], { stdin: 'abcdefghijklmnop\n' }));
    expectUsageError(await v.run(['add', 'y', '--rotated-at', '01/02/2020'], { stdin: 'abcdefghijklmnop\n' }));
    expectUsageError(await v.run(['export', '--format', 'xml']));
    expectUsageError(await v.run(['run', 'node']));
    expectUsageError(await v.run(['get', 'known', 'extra']));
    expect((await v.ok(['list', '--json'])).out).not.toContain('"y"');
  });

  it('an unknown secret exits 1 with one line naming it', async () => {
    for (const args of [
      ['get', 'ghost'],
      ['show', 'ghost'],
      ['rm', 'ghost'],
      ['edit', 'ghost', '--env', 'X'],
    ]) {
      const line = expectCleanError(await v.run(args));
      expect(line).toContain('ghost');
    }
    const rotate = expectCleanError(await v.run(['rotate', 'ghost'], { stdin: `${sampleKeys.generic()}\n` }));
    expect(rotate).toContain('ghost');
  });

  it('never printed a stack trace, in any of this file’s runs', () => {
    expect(v.runs.length).toBeGreaterThan(10);
    for (const { result } of v.runs) expect(result.stderr).not.toContain('    at ');
  });
});

describe('the keychain', () => {
  let v: CliVault;
  const value = sampleKeys.generic();
  const unreachable = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/rekey-test-bus' };

  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'k'], { stdin: `${value}\n` });
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('when no keychain is reachable, init says so plainly and creates no vault file', async () => {
    const fresh = await createCliVault({ init: false });
    try {
      const line = expectCleanError(await fresh.run(['init'], { env: unreachable }));
      expect(line).toMatch(/keychain/i);
      expect(existsSync(fresh.dbPath)).toBe(false);
    } finally {
      await fresh.cleanup();
    }
  });

  it('when no keychain is reachable, an existing vault reports it in one line', async () => {
    const line = expectCleanError(await v.run(['get', 'k'], { env: unreachable }));
    expect(line).toMatch(/keychain/i);
  });

  it('a vault key missing from the keychain, or a wrong one, is one clear line; restoring it restores access', async () => {
    const store = realKeyStore(v.service);
    const account = `vault-key:${v.vaultId()}`;
    const original = await store.get(account);
    expect(original).not.toBeNull();
    try {
      await store.delete(account);
      expect(expectCleanError(await v.run(['list']))).toMatch(/keychain/i);
      await store.set(account, Buffer.alloc(32, 7).toString('base64'));
      expect(expectCleanError(await v.run(['get', 'k']))).toMatch(/key/i);
    } finally {
      await store.set(account, original as string);
    }
    expect((await v.ok(['get', 'k'])).out).toBe(value);
  });
});
