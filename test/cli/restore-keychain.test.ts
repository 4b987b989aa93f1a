import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliVault, createCliVault, expectCleanError, runRekey } from '../support/cli-runner.js';
import { realKeyStore, requirePrivateKeyring } from '../support/real-keychain.js';
import { sampleKeys } from '../support/sample-keys.js';

requirePrivateKeyring();

const PASSPHRASE = 'correct horse battery staple';
const PASSWORD = 'a master password of some length';

/**
 * The keychain item is per vault id: a backup restored into a second REKEY_HOME, on the same
 * keychain, would write the item of the vault it came from, which still lives in the first.
 */
describe('restore into another folder and the keychain item of the vault that is still there', () => {
  let original: CliVault;
  let backupFile: string;
  let account: string;
  const value = sampleKeys.github();
  const scratch = mkdtempSync(join(tmpdir(), 'rekey-restore-elsewhere-'));
  let homes = 0;

  /** A second REKEY_HOME on the same keychain service; removed with `scratch` (its keychain item is the original's). */
  function otherHome(): { home: string; run: (args: string[], stdin?: string) => ReturnType<typeof runRekey> } {
    const home = join(scratch, `home-${++homes}`);
    return { home, run: (args, stdin) => runRekey(args, { env: { REKEY_HOME: home, REKEY_KEYCHAIN_SERVICE: original.service }, stdin }) };
  }
  const item = () => realKeyStore(original.service).get(account);

  beforeAll(async () => {
    original = await createCliVault();
    await original.ok(['add', 'gh'], { stdin: `${value}\n` });
    backupFile = join(original.work, 'vault.rekey-backup');
    await original.ok(['backup', '-o', backupFile, '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` });
    account = `vault-key:${original.vaultId()}`;
  });
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await original.cleanup();
  });

  it('while the item is still the one in the backup, a copy restores beside it and both open', async () => {
    const before = await item();
    const copy = otherHome();
    const restored = await copy.run(['restore', backupFile, '--passphrase-stdin'], `${PASSPHRASE}\n`);
    expect(restored.code, restored.stderr).toBe(0);
    expect((await copy.run(['get', 'gh'])).out).toBe(value);
    expect((await original.ok(['get', 'gh'])).out).toBe(value);
    expect(await item()).toBe(before);
  });

  it('once the item has changed (a master password set since), the restore is refused and changes nothing', async () => {
    await original.ok(['password', 'set'], { stdin: `${PASSWORD}\n` });
    const wrapped = await item();
    expect(wrapped).toMatch(/^rekey-wrapped:/);
    const copy = otherHome();
    const refused = await copy.run(['restore', backupFile, '--passphrase-stdin'], `${PASSPHRASE}\n`);
    const line = expectCleanError(refused);
    expect(line).toMatch(/already holds a different key item for the vault this backup was made from/);
    expect(line).toMatch(/Nothing was changed/);
    expect(line).toContain('--replace-keychain-item');
    expect(existsSync(join(copy.home, 'vault.db'))).toBe(false);
    expect(await item()).toBe(wrapped);
    // the original still opens, with its password
    expect((await original.ok(['get', 'gh', '--password-stdin'], { stdin: `${PASSWORD}\n` })).out).toBe(value);
  });

  it('restoring the vault’s own backup over itself (--replace) still works, and puts back the item of the backup', async () => {
    const result = await original.run(['restore', backupFile, '--replace', '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` });
    expect(result.code, result.stderr).toBe(0);
    expect(await item()).not.toMatch(/^rekey-wrapped:/);
    expect((await original.ok(['get', 'gh', '--no-input'])).out).toBe(value);
  });

  it('--replace-keychain-item overwrites the item when the user says so', async () => {
    await original.ok(['password', 'set'], { stdin: `${PASSWORD}\n` });
    const copy = otherHome();
    const result = await copy.run(['restore', backupFile, '--replace-keychain-item', '--passphrase-stdin'], `${PASSPHRASE}\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(await item()).not.toMatch(/^rekey-wrapped:/);
    expect((await copy.run(['get', 'gh', '--no-input'])).out).toBe(value);
  });
});
