import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryKeyStore, Vault } from '../../../electron/core/index.js';
import { VaultSession } from '../../../electron/main/session/vault-session.js';
import { tempDir } from '../../support/temp-vault.js';

describe('the window’s vault session', () => {
  it('opens the vault once when the window asks for its status and its keys at the same time', async () => {
    const dir = tempDir();
    const home = join(dir.path, 'vault');
    const keyStore = new MemoryKeyStore();
    (await Vault.init({ home, keyStore })).close();
    const session = new VaultSession({ home, keyStore });
    try {
      const readsBefore = keyStore.calls;
      const [status, vault, again] = await Promise.all([session.status(), session.vault(), session.vault()]);
      expect(status.state).toBe('ready');
      expect(again).toBe(vault);
      expect(keyStore.calls - readsBefore).toBe(1);
      // once open, later calls reuse it without the keychain
      expect(await session.vault()).toBe(vault);
      expect(keyStore.calls - readsBefore).toBe(1);
    } finally {
      session.close();
      dir.remove();
    }
  });

  it('does not keep a vault that opened after the window was locked', async () => {
    const dir = tempDir();
    const home = join(dir.path, 'vault');
    const keyStore = new MemoryKeyStore();
    (await Vault.init({ home, keyStore })).close();
    const session = new VaultSession({ home, keyStore });
    try {
      const opening = session.vault();
      session.lock();
      await expect(opening).rejects.toMatchObject({ code: 'locked' });
      expect(session.locked).toBe(true);
    } finally {
      session.close();
      dir.remove();
    }
  });
});
