import { statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database.js';
import { tempDir } from '../../support/temp-vault.js';

/** Issue 13 item 8: the database and its -wal and -shm files are 0600 whatever the umask. */
describe('vault file modes', () => {
  let dir: { path: string; remove: () => void };
  let umask: number;
  beforeEach(() => {
    dir = tempDir();
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    dir.remove();
  });

  const mode = (file: string) => statSync(file).mode & 0o777;

  it('creates the database, -wal and -shm 0600 under umask 022', () => {
    const path = join(dir.path, 'vault.db');
    const db = openDatabase(path, { create: true });
    try {
      db.prepare("INSERT INTO meta (key, value) VALUES ('x', 'y')").run();
      expect([mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    } finally {
      db.close();
    }
  });

  it('tightens a vault an older Rekey left readable by others', () => {
    const path = join(dir.path, 'vault.db');
    openDatabase(path, { create: true }).close();
    chmodSync(path, 0o644);
    writeFileSync(`${path}-wal`, '', { mode: 0o644 });
    const db = openDatabase(path, { create: false });
    try {
      db.prepare("INSERT INTO meta (key, value) VALUES ('x', 'y')").run();
      expect([mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    } finally {
      db.close();
    }
  });
});
