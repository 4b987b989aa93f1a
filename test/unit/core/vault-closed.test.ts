import { afterEach, describe, expect, it } from 'vitest';
import { MemoryKeyStore } from '../../../electron/core/index.js';
import { expectRekeyError } from '../../support/rekey-errors.js';
import { sampleKeys } from '../../support/sample-keys.js';
import { type TempVault, createTempVault } from '../../support/temp-vault.js';

let temp: TempVault | undefined;
afterEach(() => temp?.dispose());

describe('a closed vault', () => {
  it('refuses everything that needs its key with its own code, vault-closed (not a user input error)', async () => {
    temp = await createTempVault(new MemoryKeyStore());
    const { vault } = temp;
    vault.add({ name: 'gh' }, sampleKeys.github());
    vault.close();
    expectRekeyError(() => vault.reveal('gh', 'reveal'), 'vault-closed');
    expectRekeyError(() => vault.add({ name: 'other' }, sampleKeys.stripe()), 'vault-closed');
    expectRekeyError(() => vault.whoHolds('anything'), 'vault-closed');
    expectRekeyError(() => vault.verifyValues(), 'vault-closed');
    expectRekeyError(() => vault.backupImage({}), 'vault-closed');
    expectRekeyError(() => vault.list(), 'vault-closed');
    expectRekeyError(() => vault.verifyAudit(), 'vault-closed');
    expectRekeyError(() => vault.rotate('gh', sampleKeys.github()), 'vault-closed');
    await expect(vault.withEveryValue(() => 1)).rejects.toMatchObject({ code: 'vault-closed' });
  });
});
