import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryKeyStore, Vault, createBackup, restoreBackup } from '../../../electron/core/index.js';
import { writeFileAtomic } from '../../../electron/core/dotenv/index.js';
import {
  INSPECTION_PREFIX,
  STALE_AFTER_MS,
  TEMP_PREFIX,
  createPrivateFile,
  removeStaleTemps,
} from '../../../electron/core/files/temp-files.js';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';

let folder: string;
let umask: number;
const savedTmp = process.env['TMPDIR'];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rekey-temp-files-'));
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
  if (savedTmp === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = savedTmp;
  rmSync(folder, { recursive: true, force: true });
});

/** A leftover as a crash would leave it: written, then not touched for an hour. */
function leftover(path: string, kind: 'file' | 'folder' = 'file'): string {
  if (kind === 'folder') {
    mkdirSync(path);
    writeFileSync(join(path, 'vault.db'), 'image');
  } else writeFileSync(path, 'KEY=half-written');
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
  utimesSync(path, hourAgo, hourAgo);
  return path;
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('temp files: 0600 and tidied after a crash', () => {
  it('createPrivateFile makes 0600 even under umask 000, and refuses an existing path', async () => {
    process.umask(0o000);
    const path = join(folder, 'private');
    await (await createPrivateFile(path)).close();
    expect(modeOf(path)).toBe(0o600);
    await expect(createPrivateFile(path)).rejects.toMatchObject({ code: 'EEXIST' });
  });

  it('the next atomic write into a folder removes our stale temp files, and only those', async () => {
    const stale = leftover(join(folder, `${TEMP_PREFIX}0123456789abcdef-.env`));
    const fresh = join(folder, `${TEMP_PREFIX}fedcba9876543210-.env`);
    writeFileSync(fresh, 'another rekey is writing this right now');
    const notOurs = leftover(join(folder, '.env.swp'));
    const link = join(folder, `${TEMP_PREFIX}link`);
    symlinkSync(notOurs, link);
    await writeFileAtomic(join(folder, 'out.env'), 'KEY=v\n', { force: false });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(notOurs)).toBe(true);
    expect(existsSync(link)).toBe(true);
    expect(modeOf(join(folder, 'out.env'))).toBe(0o600);
  });

  it('removeStaleTemps goes by age: a temp younger than the limit stays', async () => {
    const path = join(folder, `${TEMP_PREFIX}x`);
    writeFileSync(path, '');
    expect(await removeStaleTemps(folder, TEMP_PREFIX, Date.now() + STALE_AFTER_MS - 60_000)).toEqual([]);
    expect(await removeStaleTemps(folder, TEMP_PREFIX, Date.now() + STALE_AFTER_MS + 60_000)).toEqual([path]);
  });

  it('a backup removes an inspection folder a crash left in the temp folder, and leaves none of its own', async () => {
    const temp = join(folder, 'tmp');
    mkdirSync(temp);
    process.env['TMPDIR'] = temp;
    const crashed = leftover(join(temp, `${INSPECTION_PREFIX}abc123`), 'folder');
    const keyStore = new MemoryKeyStore();
    const vault = await Vault.init({ home: join(folder, 'home'), keyStore });
    try {
      await createBackup(vault, keyStore, PASSPHRASE, { kdfCost: CHEAP });
    } finally {
      vault.close();
    }
    expect(existsSync(crashed)).toBe(false);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('a restore under umask 022 leaves the vault, the replaced copy and nothing else, all 0600', async () => {
    const keyStore = new MemoryKeyStore();
    const home = join(folder, 'home');
    const vault = await Vault.init({ home, keyStore });
    let bytes: Buffer;
    try {
      bytes = (await createBackup(vault, keyStore, PASSPHRASE, { kdfCost: CHEAP })).bytes;
    } finally {
      vault.close();
    }
    const crashed = leftover(join(home, `${TEMP_PREFIX}restoring-vault.db`));
    const older = leftover(join(home, `${TEMP_PREFIX}0011223344556677-vault.db`));
    const result = await restoreBackup(bytes, PASSPHRASE, { home, keyStore, replace: true });
    expect(existsSync(older)).toBe(false);
    expect(existsSync(crashed)).toBe(false);
    expect(result.previousVaultKeptAt).not.toBeNull();
    expect(modeOf(result.path)).toBe(0o600);
    expect(modeOf(result.previousVaultKeptAt as string)).toBe(0o600);
    expect(readdirSync(home).filter((name) => name.startsWith(TEMP_PREFIX))).toEqual([]);
  });
});
