import { readFile, stat } from 'node:fs/promises';
import { RekeyError } from '../errors.js';
import { MAX_IMPORT_BYTES, type ParsedEnvFile, parseEnvFile } from './parse-env-file.js';

/**
 * Reads and parses a file the user chose to import. The size is checked before reading, so a
 * 50 MB file picked by mistake is refused at once instead of being loaded into memory, and a
 * file that vanished or cannot be read is a clear refusal, not an unexpected error.
 */
export async function readEnvFile(path: string): Promise<ParsedEnvFile> {
  let content: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new RekeyError('import-invalid', `Cannot import ${path}: it is not a file.`);
    if (info.size > MAX_IMPORT_BYTES) {
      throw new RekeyError('import-invalid', `Cannot import ${path}: it is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.`);
    }
    content = await readFile(path);
  } catch (error) {
    if (error instanceof RekeyError) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new RekeyError(
      'import-invalid',
      code === 'ENOENT' ? `Cannot import ${path}: there is no file there.` : `Cannot read ${path} (${code}).`,
    );
  }
  return parseEnvFile(content, path);
}
