import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryKeyStore, Vault } from '../../../electron/core/index.js';
import { VaultSession } from '../../../electron/main/session/vault-session.js';
import { tempDir } from '../../support/temp-vault.js';

/** A session on a fresh vault (in-memory keychain); dispose closes it and removes the folder. */
async function sessionOnNewVault(options: { create?: boolean; kdfCost?: { N: number; r: number; p: number } } = {}) {
  const dir = tempDir();
  const home = join(dir.path, 'vault');
  const keyStore = new MemoryKeyStore();
  if (options.create !== false) (await Vault.init({ home, keyStore })).close();
  const session = new VaultSession({ home, keyStore, kdfCost: options.kdfCost });
  return {
    session,
    keyStore,
    dispose: () => {
      session.close();
      dir.remove();
    },
  };
}

describe('the window’s vault session', () => {
  it('opens the vault once when the window asks for its status and its keys at the same time', async () => {
    const { session, keyStore, dispose } = await sessionOnNewVault();
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
      dispose();
    }
  });

  it('does not keep a vault that opened after the window was locked', async () => {
    const { session, dispose } = await sessionOnNewVault();
    try {
      const opening = session.vault();
      session.lock();
      await expect(opening).rejects.toMatchObject({ code: 'locked' });
      expect(session.locked).toBe(true);
    } finally {
      dispose();
    }
  });

  it('opens the vault early, before the window asks, so the window’s first calls need no keychain read', async () => {
    const { session, keyStore, dispose } = await sessionOnNewVault();
    try {
      const readsBefore = keyStore.calls;
      session.openEarly();
      expect(keyStore.calls - readsBefore).toBe(1);
      const [status, vault] = await Promise.all([session.status(), session.vault()]);
      expect(status.state).toBe('ready');
      expect(vault.list()).toEqual([]);
      expect(keyStore.calls - readsBefore).toBe(1);
    } finally {
      dispose();
    }
  });

  it('opening early is quiet and changes nothing when there is no vault, a lock, or a master password', async () => {
    const { session, keyStore, dispose } = await sessionOnNewVault({ create: false, kdfCost: { N: 1024, r: 8, p: 1 } });
    try {
      session.openEarly();
      expect(await session.status()).toMatchObject({ state: 'no-vault' });

      await session.init();
      session.lock();
      const readsBefore = keyStore.calls;
      session.openEarly();
      expect(keyStore.calls).toBe(readsBefore);
      expect(await session.status()).toMatchObject({ state: 'locked' });

      await session.unlock(undefined);
      await session.setPassword(undefined, 'correct horse battery');
      session.close();
      session.openEarly();
      expect(await session.status()).toMatchObject({ state: 'locked', hasPassword: true });
      expect(session.locked).toBe(true);
    } finally {
      dispose();
    }
  });
});

describe('unlocking in the window is serialised', () => {
  const CHEAP = { N: 1024, r: 8, p: 1 };
  const PASSWORD = 'correct horse battery';

  async function lockedWithPassword() {
    const made = await sessionOnNewVault({ kdfCost: CHEAP });
    await made.session.setPassword(undefined, PASSWORD);
    made.session.lock();
    return made;
  }

  it('two unlocks at once: the second waits for the first and finds the vault open (one keychain read, one vault)', async () => {
    const { session, keyStore, dispose } = await lockedWithPassword();
    try {
      const readsBefore = keyStore.calls;
      const [first, second] = await Promise.all([session.unlock(PASSWORD), session.unlock(PASSWORD)]);
      expect([first.state, second.state]).toEqual(['ready', 'ready']);
      expect(keyStore.calls - readsBefore).toBe(1);
    } finally {
      dispose();
    }
  });

  it('wrong passwords at once are tried one after the other: each reads the keychain only after the one before has finished', async () => {
    const { session, keyStore, dispose } = await lockedWithPassword();
    try {
      const events: string[] = [];
      const get = keyStore.get.bind(keyStore);
      keyStore.get = async (account: string) => {
        events.push('keychain read');
        return get(account);
      };
      const attempts = ['wrong password one', 'wrong password two'].map((password) =>
        session.unlock(password).then(
          () => events.push('unlocked'),
          (error: unknown) => events.push((error as { code: string }).code),
        ),
      );
      await Promise.all(attempts);
      expect(events).toEqual(['keychain read', 'wrong-password', 'keychain read', 'wrong-password']);
      expect(session.locked).toBe(true);
    } finally {
      dispose();
    }
  });
});
