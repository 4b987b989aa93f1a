import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { Vault } from '../../../electron/core/index.js';
import type { KeyStore } from '../../../electron/core/keychain/index.js';
import { realKeyStore, testKeychainService } from '../../support/real-keychain.js';
import { tempDir } from '../../support/temp-vault.js';
import { bundleChild } from './bundle-child.js';

export interface ChildVault {
  readonly home: string;
  readonly service: string;
  readonly keyStore: KeyStore;
  /** The bundled child script, set once beforeAll has run. */
  child: string;
}

/**
 * A real vault on the real (private) keychain that a harness drives from a child process:
 * registers the hooks that bundle the child and create the vault, and remove both afterwards.
 */
export function childVault(prefix: string, childEntry: string): ChildVault {
  const dir = tempDir(prefix);
  const service = testKeychainService();
  const fixture: ChildVault = { home: join(dir.path, 'vault'), service, keyStore: realKeyStore(service), child: '' };
  let vaultId = '';
  beforeAll(async () => {
    fixture.child = await bundleChild(childEntry);
    const vault = await Vault.init({ home: fixture.home, keyStore: fixture.keyStore });
    vaultId = vault.vaultId;
    vault.close();
  });
  afterAll(async () => {
    await fixture.keyStore.delete(`vault-key:${vaultId}`);
    dir.remove();
  });
  return fixture;
}
