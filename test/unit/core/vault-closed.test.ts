import { afterEach, describe, expect, it } from 'vitest';
import { MemoryKeyStore, RekeyError } from '../../../electron/core/index.js';
import { type TempVault, createTempVault, sampleKeys } from '../../support/temp-vault.js';

let temp: TempVault | undefined;
afterEach(() => temp?.dispose());

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof RekeyError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('a closed vault', () => {
  it('refuses everything that needs its key with its own code, vault-closed (not a user input error)', async () => {
    temp = await createTempVault(new MemoryKeyStore());
    const { vault } = temp;
    vault.add({ name: 'gh' }, sampleKeys.github());
    vault.close();
    expect(codeOf(() => vault.reveal('gh', 'reveal'))).toBe('vault-closed');
    expect(codeOf(() => vault.add({ name: 'other' }, sampleKeys.stripe()))).toBe('vault-closed');
    expect(codeOf(() => vault.whoHolds('anything'))).toBe('vault-closed');
    expect(codeOf(() => vault.verifyValues())).toBe('vault-closed');
    expect(codeOf(() => vault.backupImage({}))).toBe('vault-closed');
    expect(codeOf(() => vault.list())).toBe('vault-closed');
    expect(codeOf(() => vault.verifyAudit())).toBe('vault-closed');
    expect(codeOf(() => vault.rotate('gh', sampleKeys.github()))).toBe('vault-closed');
    await expect(vault.withEveryValue(() => 1)).rejects.toMatchObject({ code: 'vault-closed' });
  });
});
