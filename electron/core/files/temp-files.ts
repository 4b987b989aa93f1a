import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Temp files and folders Rekey makes hold secrets on their way somewhere (an export, a backup,
 * a vault image being checked). They are created 0600 (0700 for folders) explicitly, never
 * through the umask, and carry a name that says they are ours, so a leftover from a crash or
 * a power cut is removed the next time Rekey works in that folder.
 */
export const TEMP_PREFIX = '.rekey-tmp-';
/** In the system temp folder: the vault image a backup or restore checks before use. */
export const INSPECTION_PREFIX = 'rekey-tmp-inspect-';
/**
 * Older than this, a temp of ours is a leftover: a write or a backup check takes seconds, so
 * another Rekey still busy with it is not robbed of its file.
 */
export const STALE_AFTER_MS = 15 * 60 * 1000;

/** `.rekey-tmp-<random>-<name>` beside the file it will become; the name is cut short to stay under NAME_MAX. */
export function tempNameFor(finalName: string): string {
  return `${TEMP_PREFIX}${randomBytes(8).toString('hex')}-${[...finalName].slice(0, 80).join('')}`;
}

/**
 * Creates `path` for writing, mode 0600 whatever the umask. 'wx' = O_CREAT | O_EXCL: never
 * writes through a file or symlink someone planted there.
 */
export async function createPrivateFile(path: string): Promise<FileHandle> {
  const handle = await open(path, 'wx', 0o600);
  try {
    // the creation mode went through the umask (which can only narrow it); set it outright
    await handle.chmod(0o600);
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Removes leftovers of ours in `folder`: entries named with `prefix`, owned by this user,
 * last changed more than STALE_AFTER_MS ago. Symlinks are never followed or removed (someone
 * else's doing). Never throws: tidying up must not stop the work that triggered it.
 */
export async function removeStaleTemps(folder: string, prefix: string = TEMP_PREFIX, now: number = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.startsWith(prefix));
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const path = join(folder, name);
    try {
      const stats = await lstat(path);
      if (stats.isSymbolicLink() || !(stats.isFile() || stats.isDirectory())) continue;
      if (uid !== undefined && stats.uid !== uid) continue;
      if (now - stats.mtimeMs < STALE_AFTER_MS) continue;
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}
