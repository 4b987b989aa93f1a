import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealBackup } from '../../electron/core/backup/backup-file.js';
import { MemoryKeyStore, RekeyError, Vault, createBackup, restoreBackup } from '../../electron/core/index.js';
import { tempDir } from '../support/temp-vault.js';
import { recordFigures } from './support/figures.js';

/**
 * Item 6 of issue 5: a damaged or forged backup, or a wrong passphrase, is refused without
 * touching the vault it would replace: same bytes, same keychain item, no copy made.
 * Backups here use a small scrypt cost so 70 attempts take seconds; the format is the same.
 */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';
const tally = { tried: 0, refused: 0 };

describe('attacks on a backup file', () => {
  const dir = tempDir('rekey-backup-attacks-');
  const keyStore = new MemoryKeyStore();
  const sourceHome = join(dir.path, 'source');
  const targetHome = join(dir.path, 'target');
  let good: Buffer;
  let other: Buffer;
  let targetHash: string;
  let targetKeys: string;
  const failures: string[] = [];

  const state = () => ({
    hash: createHash('sha256')
      .update(readFileSync(join(targetHome, 'vault.db')))
      .digest('hex'),
    keys: JSON.stringify([...keyStore.items].sort()),
    files: readdirSync(targetHome).sort().join(','),
  });

  /** One attack: must be refused with a typed backup error, and the target must be exactly as before. */
  async function attack(label: string, file: Buffer, passphrase = PASSPHRASE): Promise<void> {
    tally.tried++;
    const before = state();
    let refusedWith: string | null = null;
    try {
      await restoreBackup(file, passphrase, { home: targetHome, keyStore, replace: true });
    } catch (error) {
      if (error instanceof RekeyError && (error.code === 'backup-invalid' || error.code === 'wrong-passphrase'))
        refusedWith = error.message;
      else refusedWith = null;
    }
    const after = state();
    const untouched = JSON.stringify(before) === JSON.stringify(after);
    if (refusedWith !== null && untouched && /Nothing was changed/.test(refusedWith)) tally.refused++;
    else failures.push(`${label}: ${refusedWith === null ? 'not refused with a backup error' : 'the target changed'}`);
  }

  beforeAll(async () => {
    const source = await Vault.init({ home: sourceHome, keyStore });
    source.add({ name: 'gh' }, `ghp_${'a1B2'.repeat(9)}`);
    source.add({ name: 'pem' }, '-----BEGIN KEY-----\nabc\n-----END KEY-----\n');
    source.rotate('gh', 'rotated-value-0123456789');
    good = (await createBackup(source, keyStore, PASSPHRASE, { kdfCost: CHEAP })).bytes;
    source.close();
    const target = await Vault.init({ home: targetHome, keyStore });
    target.add({ name: 'local' }, 'local-value-0123456789');
    target.close();
    const otherHome = join(dir.path, 'other');
    const otherVault = await Vault.init({ home: otherHome, keyStore });
    other = (await createBackup(otherVault, keyStore, PASSPHRASE, { kdfCost: CHEAP })).bytes;
    otherVault.close();
    ({ hash: targetHash, keys: targetKeys } = state());
  });
  afterAll(() => {
    dir.remove();
    recordFigures('backup', tally);
  });

  it('refuses a flipped byte anywhere: header, ciphertext, tag', async () => {
    const headerEnd = good.indexOf(0x0a);
    const positions = new Set<number>([0, 1, headerEnd - 1, headerEnd, headerEnd + 1, good.length - 17, good.length - 16, good.length - 1]);
    for (let index = 0; positions.size < 40; index++) positions.add(Math.floor((((index * 7919) % 1000) / 1000) * good.length));
    for (const position of positions) {
      const changed = Buffer.from(good);
      changed[position] = (changed[position] as number) ^ 0x20;
      await attack(`byte ${position} flipped`, changed);
    }
    expect(failures).toEqual([]);
  });

  it('refuses a file cut short or with bytes added', async () => {
    const headerEnd = good.indexOf(0x0a);
    for (const length of [
      0,
      1,
      10,
      headerEnd,
      headerEnd + 1,
      headerEnd + 17,
      Math.floor(good.length / 2),
      good.length - 16,
      good.length - 1,
    ]) {
      await attack(`cut to ${length} bytes`, good.subarray(0, length));
    }
    await attack('one byte appended', Buffer.concat([good, Buffer.from([0])]));
    await attack('a kilobyte appended', Buffer.concat([good, randomBytes(1024)]));
    expect(failures).toEqual([]);
  });

  it('refuses a wrong passphrase, however close', async () => {
    for (const wrong of [
      '',
      'correct horse battery stapl',
      'Correct horse battery staple',
      'correct horse battery staple ',
      ' correct horse battery staple',
      'correct  horse battery staple',
    ]) {
      await attack(`passphrase ${JSON.stringify(wrong)}`, good, wrong);
    }
    expect(failures).toEqual([]);
  });

  it('refuses an edited header: cost, salt, nonce, version, format, extra fields, a memory bomb', async () => {
    const headerEnd = good.indexOf(0x0a);
    const header = JSON.parse(good.subarray(0, headerEnd).toString('utf8')) as Record<string, unknown> & { kdf: Record<string, unknown> };
    const body = good.subarray(headerEnd);
    const withHeader = (edit: (copy: typeof header) => unknown) => {
      const copy = JSON.parse(JSON.stringify(header)) as typeof header;
      edit(copy);
      return Buffer.concat([Buffer.from(JSON.stringify(copy)), body]);
    };
    await attack(
      'cost lowered',
      withHeader((h) => (h.kdf['N'] = 2 ** 11)),
    );
    await attack(
      'memory bomb',
      withHeader((h) => Object.assign(h.kdf, { N: 2 ** 22, r: 32 })),
    );
    await attack(
      'salt replaced',
      withHeader((h) => (h.kdf['salt'] = randomBytes(16).toString('base64'))),
    );
    await attack(
      'nonce replaced',
      withHeader((h) => (h['nonce'] = randomBytes(12).toString('base64'))),
    );
    await attack(
      'check replaced',
      withHeader((h) => (h['check'] = randomBytes(32).toString('hex'))),
    );
    await attack(
      'newer version',
      withHeader((h) => (h['version'] = 2)),
    );
    await attack(
      'another format',
      withHeader((h) => (h['format'] = 'something-else')),
    );
    await attack(
      'an extra field',
      withHeader((h) => (h['note'] = 'hello')),
    );
    await attack('header not JSON', Buffer.concat([Buffer.from('{"format":"rekey-backup",'), body]));
    await attack('no header line at all', Buffer.from(randomBytes(8192).map((byte) => (byte === 0x0a ? 0x0b : byte))));
    await attack('an empty file', Buffer.alloc(0));
    expect(failures).toEqual([]);
  });

  it('refuses pieces of two backups spliced together', async () => {
    const split = (file: Buffer) => [file.subarray(0, file.indexOf(0x0a) + 1), file.subarray(file.indexOf(0x0a) + 1)] as const;
    const [goodHeader, goodBody] = split(good);
    const [otherHeader, otherBody] = split(other);
    await attack("this header, the other's body", Buffer.concat([goodHeader, otherBody]));
    await attack("the other's header, this body", Buffer.concat([otherHeader, goodBody]));
    await attack(
      'this body, the other tag',
      Buffer.concat([goodHeader, goodBody.subarray(0, goodBody.length - 16), otherBody.subarray(otherBody.length - 16)]),
    );
    expect(failures).toEqual([]);
  });

  it('refuses a well-encrypted file whose contents are not a vault that fits its key', async () => {
    const manifest = {
      vaultId: '9b2c8f4e-1d3a-4c5b-8e7f-0a1b2c3d4e5f',
      vaultKey: randomBytes(32).toString('base64'),
      createdAt: new Date().toISOString(),
      secrets: 0,
      versions: 0,
      auditEntries: 0,
    };
    await attack('not a SQLite image', await sealBackup({ manifest, image: randomBytes(4096) }, PASSPHRASE, CHEAP));
    await attack('an empty image', await sealBackup({ manifest, image: Buffer.alloc(0) }, PASSPHRASE, CHEAP));
    const sourceImage = readFileSync(join(sourceHome, 'vault.db'));
    await attack('a vault with the wrong key', await sealBackup({ manifest, image: sourceImage }, PASSPHRASE, CHEAP));
    expect(failures).toEqual([]);
  });

  it('after all of them the target is the vault it was, and the good backup still restores', async () => {
    expect(state().hash).toBe(targetHash);
    expect(state().keys).toBe(targetKeys);
    expect(existsSync(join(targetHome, 'vault.db'))).toBe(true);
    const fresh = join(dir.path, 'fresh');
    const result = await restoreBackup(good, PASSPHRASE, { home: fresh, keyStore: new MemoryKeyStore() });
    expect(result.verdict).toMatchObject({ secrets: 2, versions: 3, auditProblem: null, brokenValues: 0 });
    expect(tally.tried).toBeGreaterThanOrEqual(70);
    expect(tally.refused).toBe(tally.tried);
  });
});
