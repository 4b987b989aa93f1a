import { link, lstat, open, rename, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { RekeyError } from '../errors.js';
import { createPrivateFile, removeStaleTemps, tempNameFor } from '../files/temp-files.js';

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function fileExists(path: string): RekeyError {
  return new RekeyError('file-exists', `${path} exists; use --force to overwrite`);
}

async function exists(path: string): Promise<boolean> {
  try {
    // lstat: a symlink, even a dangling one, is something the user has put there.
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Puts the finished temp file at `path` without ever replacing a file that appeared since the
 * first check: link() fails with EEXIST where rename() would clobber. Filesystems without hard
 * links (FAT, some network shares) fall back to check-then-rename.
 */
async function placeWithoutClobbering(tempPath: string, path: string): Promise<void> {
  try {
    await link(tempPath, path);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw fileExists(path);
    if (await exists(path)) throw fileExists(path);
    await rename(tempPath, path);
    return;
  }
  await unlink(tempPath);
}

async function syncFolder(folder: string): Promise<void> {
  // Makes the rename itself survive a power cut. Windows cannot open a folder for fsync and some
  // filesystems refuse it; the file's data is already synced and in place by then, so failing
  // here must not report the write as failed.
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // See above: durability hardening only.
  }
}

/**
 * Writes `content` so that `path` holds either its old content or all of the new, never a torn
 * file, and never a moment with wider permissions than 0600. The temp file is named
 * `.rekey-tmp-…` (temp-files.ts), so one left by a crash is removed by the next write here.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: { force: boolean }): Promise<void> {
  if (!options.force && (await exists(path))) throw fileExists(path);
  const folder = dirname(path);
  await removeStaleTemps(folder);
  // Same folder as the target: rename is only atomic within one filesystem.
  const tempPath = join(folder, tempNameFor(basename(path)));
  let handle: FileHandle | undefined;
  try {
    handle = await createPrivateFile(tempPath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      throw new RekeyError('invalid-input', `Cannot write ${path}: the folder ${folder} does not exist.`);
    }
    throw error;
  }
  try {
    await (typeof content === 'string' ? handle.writeFile(content, 'utf8') : handle.writeFile(content));
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (options.force) await rename(tempPath, path);
    else await placeWithoutClobbering(tempPath, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}
