import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryKeyStore, Vault, changeMasterPassword, createBackup, restoreBackup } from '../../../electron/core/index.js';
import { FixedClock, tempDir } from '../../support/temp-vault.js';
import { sampleKeys } from '../../support/sample-keys.js';

// Low cost so the unit suite stays fast; the CLI tests use the real one.
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';

describe('encrypted backup and restore (core)', () => {
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  const home = (name: string) => {
    const dir = tempDir();
    dirs.push(dir);
    return join(dir.path, name);
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) dir.remove();
  });

  it('brings back every secret with its ids, history and audit log, with the backup and the restore on record', async () => {
    const clock = new FixedClock();
    const keyStore = new MemoryKeyStore();
    const source = await Vault.init({ home: home('source'), keyStore, clock });
    const first = sampleKeys.github();
    const second = sampleKeys.generic();
    source.add({ name: 'gh', project: 'ci', notes: 'runner' }, first);
    source.rotate('gh', second);
    const ids = source.list().map((secret) => secret.id);
    const { bytes, verdict } = await createBackup(source, keyStore, PASSPHRASE, { kdfCost: CHEAP, clock });
    source.close();
    expect(verdict).toMatchObject({ secrets: 1, versions: 2, auditProblem: null, brokenValues: 0 });

    const target = home('target');
    const elsewhere = new MemoryKeyStore();
    const result = await restoreBackup(bytes, PASSPHRASE, { home: target, keyStore: elsewhere, clock });
    expect(result).toMatchObject({ previousVaultKeptAt: null, masterPassword: false, backupCreatedAt: clock.now().toISOString() });
    const restored = await Vault.open({ home: target, keyStore: elsewhere, clock });
    try {
      expect(restored.list().map((secret) => secret.id)).toEqual(ids);
      expect(restored.show('gh')).toMatchObject({ project: 'ci', notes: 'runner', version: 2 });
      expect(restored.reveal('gh', 'reveal')).toBe(second);
      expect(restored.history('gh')).toHaveLength(2);
      expect(restored.auditEvents().map((event) => event.action)).toEqual([
        'vault.init',
        'secret.add',
        'secret.rotate',
        'vault.backup',
        'vault.restore',
        'secret.reveal',
      ]);
      expect(restored.verifyAudit().ok).toBe(true);
    } finally {
      restored.close();
    }
  });

  it('a vault with a master password comes back with that password, and opens only with it', async () => {
    const keyStore = new MemoryKeyStore();
    const sourceHome = home('source');
    const value = sampleKeys.stripe();
    const created = await Vault.init({ home: sourceHome, keyStore });
    created.add({ name: 'stripe' }, value);
    created.close();
    await changeMasterPassword({ home: sourceHome, keyStore, kdfCost: CHEAP }, 'master password 1');
    // kdfCost: unlocking raises a weaker wrap to the given cost (by default the real, slow one)
    const source = await Vault.open({ home: sourceHome, keyStore, kdfCost: CHEAP, askPassword: async () => 'master password 1' });
    const { bytes } = await createBackup(source, keyStore, PASSPHRASE, { kdfCost: CHEAP });
    source.close();
    // the wrapped keychain item is inside the sealed file, not beside it
    expect(bytes.includes(Buffer.from('rekey-wrapped'))).toBe(false);

    const target = home('target');
    const elsewhere = new MemoryKeyStore();
    expect((await restoreBackup(bytes, PASSPHRASE, { home: target, keyStore: elsewhere })).masterPassword).toBe(true);
    await expect(Vault.open({ home: target, keyStore: elsewhere })).rejects.toMatchObject({ code: 'password-required' });
    await expect(Vault.open({ home: target, keyStore: elsewhere, askPassword: async () => 'wrong' })).rejects.toMatchObject({
      code: 'wrong-password',
    });
    const restored = await Vault.open({ home: target, keyStore: elsewhere, kdfCost: CHEAP, askPassword: async () => 'master password 1' });
    try {
      expect(restored.reveal('stripe', 'reveal')).toBe(value);
    } finally {
      restored.close();
    }
  });
});
