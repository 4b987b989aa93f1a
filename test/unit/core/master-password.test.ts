import { afterEach, describe, expect, it } from 'vitest';
import {
  MemoryKeyStore,
  Vault,
  changeMasterPassword,
  createBackup,
  hasMasterPassword,
  restoreBackup,
  throttleDelaySeconds,
} from '../../../electron/core/index.js';
import {
  isWrappedVaultKey,
  newVaultKey,
  unwrapVaultKey,
  wrapVaultKey,
  wrappedKdfParams,
  newKdfParams,
} from '../../../electron/core/crypto/index.js';
import { expectRekeyRejection } from '../../support/rekey-errors.js';
import { type TempVault, FixedClock, createTempVault } from '../../support/temp-vault.js';
import { sampleKeys } from '../../support/sample-keys.js';

// Low cost so the unit suite stays fast; the real cost is measured by the bench.
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const STRONGER = { N: 2 ** 11, r: 8, p: 1 };

let temp: TempVault | undefined;
afterEach(() => temp?.dispose());

describe('vault key wrapping', () => {
  it('wraps and unwraps with the password; another password or vault id fails as a wrong password', async () => {
    const key = newVaultKey();
    const item = await wrapVaultKey(key, 'correct horse battery', 'vault-1', newKdfParams(CHEAP));
    expect(isWrappedVaultKey(item)).toBe(true);
    expect(item).not.toContain(key.toString('base64'));
    expect(wrappedKdfParams(item)).toMatchObject({ algorithm: 'scrypt', ...CHEAP });
    const good = await unwrapVaultKey(item, 'correct horse battery', 'vault-1');
    expect(good.ok && good.vaultKey.equals(key)).toBe(true);
    expect(await unwrapVaultKey(item, 'correct horse batterY', 'vault-1')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await unwrapVaultKey(item, 'correct horse battery', 'vault-2')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await unwrapVaultKey(`${item.slice(0, -8)}AAAAAAA=`, 'correct horse battery', 'vault-1')).toEqual({
      ok: false,
      reason: 'damaged',
    });
  });

  it('the delay grows with each wrong password: first one free, then doubling, capped at 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 10, 30].map(throttleDelaySeconds)).toEqual([0, 1, 2, 4, 8, 256, 300]);
  });
});

describe('master password on a vault', () => {
  async function withPassword() {
    const memory = new MemoryKeyStore();
    temp = await createTempVault(memory, new FixedClock(new Date('2026-06-01T09:00:00Z')));
    temp.vault.add({ name: 'api' }, sampleKeys.github());
    const { home, keyStore, clock } = temp;
    const base = { home, keyStore, clock, kdfCost: CHEAP };
    expect(await changeMasterPassword(base, 'correct horse battery')).toBe('set');
    return { ...base, clock, keyStore: memory };
  }

  it('set: the keychain item no longer holds the bare key; opening needs the password', async () => {
    const options = await withPassword();
    expect(await hasMasterPassword(options)).toBe(true);
    const item = [...options.keyStore.items.values()][0] ?? '';
    expect(isWrappedVaultKey(item)).toBe(true);
    await expectRekeyRejection(Vault.open(options), 'password-required');
    const vault = await Vault.open({ ...options, askPassword: async () => 'correct horse battery' });
    expect(vault.reveal('api', 'reveal')).toMatch(/^ghp_/);
    expect(vault.auditEvents().map((event) => event.action)).toContain('vault.password-set');
    vault.close();
  });

  it('wrong passwords are refused with a growing delay that survives a restart, and no password is tried while waiting', async () => {
    const options = await withPassword();
    let asked = 0;
    const wrong = { ...options, askPassword: async () => (asked++, 'not the password') };
    expect((await expectRekeyRejection(Vault.open(wrong))).message).toBe('Wrong master password.');
    expect((await expectRekeyRejection(Vault.open(wrong))).message).toBe('Wrong master password. Try again in 1 second.');
    expect(asked).toBe(2);
    // a new process (new Vault.open, same file) inherits the wait; the password is not even asked
    const throttled = await expectRekeyRejection(Vault.open({ ...options, askPassword: async () => (asked++, 'correct horse battery') }));
    expect(throttled.code).toBe('throttled');
    expect(throttled.message).toBe('Too many wrong master passwords. Try again in 1 second.');
    expect(asked).toBe(2);
    options.clock.set('2026-06-01T09:00:01Z');
    expect((await expectRekeyRejection(Vault.open(wrong))).message).toBe('Wrong master password. Try again in 2 seconds.');
    options.clock.set('2026-06-01T09:00:10Z');
    const vault = await Vault.open({ ...options, askPassword: async () => 'correct horse battery' });
    vault.close();
    // success resets the count: the next mistake is free again
    expect((await expectRekeyRejection(Vault.open(wrong))).message).toBe('Wrong master password.');
  });

  it('change needs the current password; remove brings back the bare key; raising the cost re-wraps on unlock', async () => {
    const options = await withPassword();
    await expectRekeyRejection(
      changeMasterPassword({ ...options, askPassword: async () => 'nope nope nope' }, 'another password'),
      'wrong-password',
    );
    expect(await changeMasterPassword({ ...options, askPassword: async () => 'correct horse battery' }, 'another password')).toBe('change');
    await expectRekeyRejection(Vault.open({ ...options, askPassword: async () => 'correct horse battery' }), 'wrong-password');
    options.clock.set('2026-06-01T10:00:00Z');

    const stronger = { ...options, kdfCost: STRONGER, askPassword: async () => 'another password' };
    (await Vault.open(stronger)).close();
    const item = () => [...options.keyStore.items.values()][0] ?? '';
    expect(wrappedKdfParams(item())).toMatchObject(STRONGER);

    expect((await expectRekeyRejection(changeMasterPassword(options, 'short'))).message).toBe(
      'The master password must be at least 8 characters long.',
    );
    expect(await changeMasterPassword({ ...options, askPassword: async () => 'another password' }, null)).toBe('remove');
    expect(isWrappedVaultKey(item())).toBe(false);
    expect(await hasMasterPassword(options)).toBe(false);
    const vault = await Vault.open(options);
    expect(vault.auditEvents().map((event) => event.action)).toEqual(
      expect.arrayContaining(['vault.password-set', 'vault.password-change', 'vault.password-remove']),
    );
    expect(vault.verifyAudit().ok).toBe(true);
    vault.close();
    expect((await expectRekeyRejection(changeMasterPassword(options, null))).message).toBe('This vault has no master password to remove.');
  });

  it('an encrypted backup of a vault with a master password restores with that master password kept', async () => {
    const options = await withPassword();
    const vault = await Vault.open({ ...options, askPassword: async () => 'correct horse battery' });
    const value = vault.reveal('api', 'reveal');
    const passphrase = 'a long backup passphrase for the test';
    const { bytes } = await createBackup(vault, options.keyStore, passphrase, { kdfCost: CHEAP });
    vault.close();
    expect(bytes.toString('latin1')).not.toContain('correct horse');

    const elsewhere = { home: `${options.home}-restored`, keyStore: new MemoryKeyStore() };
    await restoreBackup(bytes, passphrase, elsewhere);
    expect(await hasMasterPassword(elsewhere)).toBe(true);
    await expectRekeyRejection(Vault.open(elsewhere), 'password-required');
    const restored = await Vault.open({ ...elsewhere, kdfCost: CHEAP, askPassword: async () => 'correct horse battery' });
    expect(restored.reveal('api', 'reveal')).toBe(value);
    restored.close();
  });

  it('no error message, audit entry or vault file byte holds the password', async () => {
    const options = await withPassword();
    const messages: string[] = [];
    for (const attempt of ['correct horse batterx', 'correct horse battery']) {
      messages.push((await expectRekeyRejection(changeMasterPassword({ ...options, askPassword: async () => attempt }, 'short'))).message);
    }
    options.clock.set('2026-06-01T11:00:00Z');
    const vault = await Vault.open({ ...options, askPassword: async () => 'correct horse battery' });
    const audit = JSON.stringify(vault.auditEvents());
    vault.close();
    const { readFileSync } = await import('node:fs');
    const file =
      readFileSync(`${options.home}/vault.db`).toString('latin1') + readFileSync(`${options.home}/vault.db-wal`).toString('latin1');
    for (const haystack of [...messages, audit, file]) expect(haystack).not.toContain('correct horse');
  });
});
