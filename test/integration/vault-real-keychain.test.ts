import { afterAll, describe, expect, it } from 'vitest';
import { Vault, vaultKeyAccount } from '../../electron/core/index.js';
import { CountingKeyStore, realKeyStore, testKeychainService } from '../support/real-keychain.js';
import { createTempVault } from '../support/temp-vault.js';
import { sampleKeys } from '../support/sample-keys.js';
import { describeVaultBehaviour } from '../support/vault-behaviour.js';

const service = testKeychainService();

describeVaultBehaviour('real OS keychain', () => realKeyStore(service));

describe('the real keychain', () => {
  const created: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of created) await cleanup();
  });

  it('is read exactly once per unlock, and never while working', async () => {
    const counting = new CountingKeyStore(realKeyStore(service));
    const t = await createTempVault(counting);
    created.push(async () => {
      await counting.delete(vaultKeyAccount(t.vault.vaultId));
      t.dispose();
    });
    for (let i = 0; i < 20; i++) t.vault.add({ name: `k${i}` }, sampleKeys.generic());
    t.vault.close();
    counting.calls = { get: 0, set: 0, delete: 0 };
    const vault = await Vault.open({ home: t.home, keyStore: counting });
    vault.list();
    vault.reveal('k3', 'reveal');
    vault.rotate('k4', sampleKeys.generic());
    vault.close();
    expect(counting.calls).toEqual({ get: 1, set: 0, delete: 0 });
  });
});
