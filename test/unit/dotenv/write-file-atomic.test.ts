import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RekeyError } from '../../../electron/core/errors.js';
import { writeFileAtomic } from '../../../electron/core/dotenv/index.js';
import { rejectionOf } from '../../support/rekey-errors.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rekey-write-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

describe.skipIf(process.platform === 'win32')('writeFileAtomic', () => {
  it('writes the content with mode 0600 and leaves only the target behind', async () => {
    const target = join(folder, '.env');
    await writeFileAtomic(target, 'KEY=v\n', { force: false });
    expect(await readFile(target, 'utf8')).toBe('KEY=v\n');
    expect(await modeOf(target)).toBe(0o600);
    expect(await readdir(folder)).toEqual(['.env']);
  });

  it('writes 0600 even under a permissive umask', async () => {
    const previous = process.umask(0);
    try {
      await writeFileAtomic(join(folder, 'out'), 'x', { force: false });
    } finally {
      process.umask(previous);
    }
    expect(await modeOf(join(folder, 'out'))).toBe(0o600);
  });

  it('refuses an existing file without force and leaves it untouched', async () => {
    const target = join(folder, '.env');
    await writeFile(target, 'OLD=1\n');
    const error = await rejectionOf(writeFileAtomic(target, 'NEW=2\n', { force: false }));
    expect(error).toBeInstanceOf(RekeyError);
    expect((error as RekeyError).code).toBe('file-exists');
    expect((error as RekeyError).message).toBe(`${target} exists; use --force to overwrite`);
    expect(await readFile(target, 'utf8')).toBe('OLD=1\n');
    expect(await readdir(folder)).toEqual(['.env']);
  });

  it('treats a dangling symlink as an existing file', async () => {
    const target = join(folder, '.env');
    await symlink(join(folder, 'nowhere'), target);
    const error = await rejectionOf(writeFileAtomic(target, 'NEW=2\n', { force: false }));
    expect((error as RekeyError).code).toBe('file-exists');
  });

  it('overwrites with force and tightens a 0644 file to 0600', async () => {
    const target = join(folder, '.env');
    await writeFile(target, 'OLD=1\n');
    await chmod(target, 0o644);
    await writeFileAtomic(target, 'NEW=2\n', { force: true });
    expect(await readFile(target, 'utf8')).toBe('NEW=2\n');
    expect(await modeOf(target)).toBe(0o600);
    expect(await readdir(folder)).toEqual(['.env']);
  });

  it('says so when the folder is missing and creates nothing', async () => {
    const target = join(folder, 'missing', '.env');
    const error = await rejectionOf(writeFileAtomic(target, 'KEY=v\n', { force: false }));
    expect((error as RekeyError).code).toBe('invalid-input');
    expect((error as RekeyError).message).toContain(target);
    expect(await readdir(folder)).toEqual([]);
  });

  it('removes the temp file when the final rename fails', async () => {
    // Renaming a file over a non-empty directory fails after the temp file is fully written.
    const target = join(folder, 'taken');
    await mkdir(target);
    await writeFile(join(target, 'inside'), '');
    await expect(writeFileAtomic(target, 'secret', { force: true })).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['taken']);
  });
});
