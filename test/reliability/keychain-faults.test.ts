import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeyStore, MemoryKeyStore, RekeyError, Vault } from '../../electron/core/index.js';
import { createRekeyServices } from '../../electron/main/services.js';
import { REKEY_BIN, type CliVault, createCliVault, expectCleanError } from '../support/cli-runner.js';
import { MemoryClipboard, ScriptedDialogs } from '../support/main-stand-ins.js';
import { realKeyStore, requirePrivateKeyring } from '../support/real-keychain.js';
import { tempDir } from '../support/temp-vault.js';
import { recordFigures } from './support/figures.js';

requirePrivateKeyring();

/**
 * Item 5 of issue 5: the keychain unreachable, the vault key deleted from it, a wrong or damaged
 * vault key. Each gives one clear error, leaves the vault file byte for byte as it was, and
 * the documented way back (README, "When the keychain fails") works.
 */
const tally = { tried: 0, clear: 0 };
const PASSPHRASE = 'correct horse battery staple';

describe('keychain faults', () => {
  let v: CliVault;
  let account: string;
  let goodKey: string;
  let backupFile: string;
  const value = 'keychain-fault-value-0123456789';
  const hash = () => createHash('sha256').update(readFileSync(v.dbPath)).digest('hex');

  /** A fault counts as handled when the error is one clear line and the vault file did not change. */
  async function fault(label: string, expected: RegExp, run: () => Promise<string>): Promise<void> {
    tally.tried++;
    const before = hash();
    const message = await run();
    expect(message, label).toMatch(expected);
    expect(hash(), `${label}: the vault file changed`).toBe(before);
    tally.clear++;
  }

  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'k'], { stdin: `${value}\n` });
    account = `vault-key:${v.vaultId()}`;
    goodKey = (await realKeyStore(v.service).get(account)) as string;
    backupFile = join(v.work, 'safety.rekey-backup');
    await v.ok(['backup', '-o', backupFile, '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` });
  });
  afterAll(async () => {
    await v.cleanup();
    recordFigures('keychain', tally);
  });

  it('keychain unreachable (no D-Bus session, or a bus address that leads nowhere): the CLI says so', async () => {
    for (const bus of [undefined, 'unix:path=/nonexistent/bus']) {
      await fault(`unreachable (${bus ?? 'no bus'})`, /^rekey: No OS keychain is reachable \(.+\)\. .*Secret Service/, async () => {
        const env: NodeJS.ProcessEnv = { ...process.env, REKEY_HOME: v.home, REKEY_KEYCHAIN_SERVICE: v.service };
        delete env['DBUS_SESSION_BUS_ADDRESS'];
        if (bus) env['DBUS_SESSION_BUS_ADDRESS'] = bus;
        const result = spawnSync(process.execPath, [REKEY_BIN, 'get', 'k'], { env, encoding: 'utf8' });
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).not.toMatch(/\n\s+at /);
        return result.stderr.trim();
      });
    }
  });

  it('keychain refusing mid-session in the app: a typed answer, not a crash', async () => {
    const failing: KeyStore = {
      description: 'OS keychain (test: refuses every call)',
      get: () => Promise.reject(new RekeyError('keychain-unavailable', 'No OS keychain is reachable (the test made it refuse).')),
      set: () => Promise.reject(new RekeyError('keychain-unavailable', 'No OS keychain is reachable (the test made it refuse).')),
      delete: () => Promise.resolve(false),
    };
    await fault('app, keychain refuses', /No OS keychain is reachable/, async () => {
      const services = createRekeyServices({
        home: v.home,
        keyStore: failing,
        clipboard: new MemoryClipboard(),
        dialogs: new ScriptedDialogs(),
      });
      const status = await services.dispatch('rekey:vault:status', {}, { trusted: true });
      const list = await services.dispatch('rekey:secrets:list', {}, { trusted: true });
      await services.close();
      expect(status).toMatchObject({ ok: true, value: { state: 'keychain-unavailable' } });
      expect(list).toMatchObject({ ok: false, error: { code: 'keychain-unavailable' } });
      return (status as { value: { message: string } }).value.message;
    });
  });

  it('vault key deleted from the keychain: named as such, with the way back; a backup brings it back', async () => {
    await realKeyStore(v.service).delete(account);
    await fault('key deleted (CLI)', /The vault key for .* is not in the OS keychain .*restore the keychain item/, async () =>
      expectCleanError(await v.run(['get', 'k'])),
    );
    await fault('key deleted (app)', /is not in the OS keychain/, async () => {
      const services = createRekeyServices({
        home: v.home,
        keyStore: realKeyStore(v.service),
        clipboard: new MemoryClipboard(),
        dialogs: new ScriptedDialogs(),
      });
      const status = await services.dispatch('rekey:vault:status', {}, { trusted: true });
      await services.close();
      expect(status).toMatchObject({ ok: true, value: { state: 'keychain-unavailable' } });
      return (status as { value: { message: string } }).value.message;
    });
    await fault('backup without the key', /vault key/, async () => {
      const result = await v.run(['backup', '-o', join(v.work, 'no-key.rekey-backup'), '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` });
      expect(existsSync(join(v.work, 'no-key.rekey-backup'))).toBe(false);
      return expectCleanError(result);
    });
    // the way back: restore the backup over the vault; it carries the key
    await v.ok(['restore', backupFile, '--replace', '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` });
    expect((await v.ok(['get', 'k'])).out).toBe(value);
  });

  it('a wrong or damaged vault key: named as such, never N integrity errors; putting the right key back works', async () => {
    for (const [label, wrong] of [
      ['another vault key', randomBytes(32).toString('base64')],
      ['a damaged keychain item', 'not base64 at all!'],
      ['a key of the wrong length', randomBytes(16).toString('base64')],
    ] as const) {
      await realKeyStore(v.service).set(account, wrong);
      await fault(label, /The vault key in the OS keychain .* does not belong to the vault at/, async () =>
        expectCleanError(await v.run(['get', 'k'])),
      );
    }
    await fault('wrong key (app)', /does not belong to the vault/, async () => {
      const services = createRekeyServices({
        home: v.home,
        keyStore: realKeyStore(v.service),
        clipboard: new MemoryClipboard(),
        dialogs: new ScriptedDialogs(),
      });
      const status = await services.dispatch('rekey:vault:status', {}, { trusted: true });
      await services.close();
      expect(status).toMatchObject({ ok: false, error: { code: 'wrong-vault-key' } });
      return (status as { error: { message: string } }).error.message;
    });
    await realKeyStore(v.service).set(account, goodKey);
    expect((await v.ok(['get', 'k'])).out).toBe(value);
  });

  it('a keychain that refuses the new key at init leaves no vault file behind', async () => {
    const dir = tempDir();
    try {
      const home = join(dir.path, 'vault');
      const refusing = new MemoryKeyStore();
      refusing.set = () => Promise.reject(new RekeyError('keychain-unavailable', 'The OS keychain refused the request: locked.'));
      tally.tried++;
      await expect(Vault.init({ home, keyStore: refusing })).rejects.toMatchObject({ code: 'keychain-unavailable' });
      expect(existsSync(join(home, 'vault.db'))).toBe(false);
      tally.clear++;
    } finally {
      dir.remove();
    }
  });
});
