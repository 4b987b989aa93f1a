import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reads a file into one buffer reused for every file of a scan: no allocation (and no garbage)
 * per file, and the buffer's own memory is aligned, which the vault-value search reads in 32-bit
 * words. Reads at most `scratch.length` bytes; null when the file cannot be read (gone since the
 * walk, no permission). The result is only valid until the next read.
 */
export function readInto(path: string, scratch: Buffer): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    let filled = 0;
    while (filled < scratch.length) {
      const read = readSync(fd, scratch, filled, scratch.length - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return scratch.subarray(0, filled);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
