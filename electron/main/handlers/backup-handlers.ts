import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Handlers } from '../ipc/dispatcher.js';
import type { DialogPort } from '../ports.js';
import type { VaultSession } from '../session/vault-session.js';
import { RekeyError, checkPassphrase, dotenv } from '../../core/index.js';

type BackupHandlers = Pick<Handlers, 'saveBackup' | 'chooseBackup' | 'restoreBackup'>;

/** A vault of ten thousand keys with history is a few MB; anything near this is not a backup. */
const MAX_BACKUP_FILE_BYTES = 1024 * 1024 * 1024;
const MAX_PENDING_RESTORES = 2;

function defaultBackupName(now: Date): string {
  return `rekey-${now.toISOString().slice(0, 10)}.rekey-backup`;
}

async function readBackupFile(path: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new RekeyError('backup-invalid', `${path} is not a file. Nothing was changed.`);
    if (info.size > MAX_BACKUP_FILE_BYTES)
      throw new RekeyError('backup-invalid', `${path} is too large to be a Rekey backup. Nothing was changed.`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof RekeyError) throw error;
    throw new RekeyError('backup-invalid', `Cannot read ${path}. Nothing was changed.`);
  }
}

/**
 * Backup and restore from the window. Files are chosen in native dialogs here in main; a file
 * chosen for restore waits under a token, so a wrong passphrase can be retried without
 * choosing it again, and its bytes never cross to the renderer.
 */
export function backupHandlers(session: VaultSession, dialogs: DialogPort, now: () => Date): BackupHandlers {
  const pending = new Map<string, { path: string; file: Buffer }>();
  return {
    saveBackup: async ({ passphrase }) => {
      // refuse a short passphrase before the save dialog, not after
      checkPassphrase(passphrase);
      const path = await dialogs.chooseBackupTarget(defaultBackupName(now()));
      if (path === null) return { path: null, secrets: 0, versions: 0, auditEntries: 0 };
      const { bytes, verdict } = await session.backup(passphrase);
      // the native save dialog has already asked before replacing an existing file
      await dotenv.writeFileAtomic(path, bytes, { force: true });
      return { path, secrets: verdict.secrets, versions: verdict.versions, auditEntries: verdict.auditEntries };
    },
    chooseBackup: async () => {
      const path = await dialogs.chooseBackupSource();
      if (path === null) return { choice: null };
      const file = await readBackupFile(path);
      const token = randomUUID();
      pending.set(token, { path, file });
      while (pending.size > MAX_PENDING_RESTORES) pending.delete(pending.keys().next().value as string);
      return { choice: { token, path, fileName: basename(path) } };
    },
    restoreBackup: async ({ token, passphrase }) => {
      const chosen = pending.get(token);
      if (!chosen) throw new RekeyError('not-found', 'That backup file is no longer selected; choose it again.');
      const result = await session.restore(chosen.file, passphrase);
      pending.delete(token);
      return {
        status: await session.status(),
        backupCreatedAt: result.backupCreatedAt,
        secrets: result.verdict.secrets,
        versions: result.verdict.versions,
        auditEntries: result.verdict.auditEntries,
      };
    },
  };
}
