import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type Result } from '../../../electron/contract/index.js';
import { MemoryKeyStore } from '../../../electron/core/index.js';
import { type RekeyServices, createRekeyServices } from '../../../electron/main/services.js';
import { MemoryClipboard, ScriptedDialogs } from '../../support/main-stand-ins.js';
import { FixedClock, tempDir } from '../../support/temp-vault.js';

const PASSPHRASE = 'correct horse battery staple';
const VALUE = 'backup-handler-value-0123456789';

describe('backup and restore behind the IPC contract', () => {
  let dir: ReturnType<typeof tempDir>;
  const apps: Array<{ services: RekeyServices; dialogs: ScriptedDialogs }> = [];
  const answers: Array<Result<unknown>> = [];

  const app = (home: string) => {
    const dialogs = new ScriptedDialogs();
    const services = createRekeyServices({
      home,
      keyStore: new MemoryKeyStore(),
      clipboard: new MemoryClipboard(),
      dialogs,
      clock: new FixedClock(),
      // a cheap scrypt cost keeps this fast on a loaded machine; the CLI and e2e tests use the real one
      kdfCost: { N: 2 ** 10, r: 8, p: 1 },
      logError: () => undefined,
    });
    apps.push({ services, dialogs });
    const call = async (channel: string, input: unknown = {}) => {
      const result = await services.dispatch(channel, input, { trusted: true });
      answers.push(result);
      return result;
    };
    return { services, dialogs, call };
  };

  beforeEach(() => {
    dir = tempDir();
    answers.length = 0;
  });
  afterEach(async () => {
    for (const { services } of apps.splice(0)) await services.close();
    // neither the passphrase nor a value ever goes back to the window
    expect(JSON.stringify(answers)).not.toContain(PASSPHRASE);
    expect(JSON.stringify(answers)).not.toContain(VALUE);
    dir.remove();
  });

  it('saves a backup where the save dialog says, and restores it into a new window with its own keychain', async () => {
    const source = app(join(dir.path, 'source'));
    await source.call(CHANNELS.initVault);
    await source.call(CHANNELS.addSecret, { name: 'k', value: VALUE });
    const file = join(dir.path, 'vault.rekey-backup');
    source.dialogs.backupTarget = file;
    expect(await source.call(CHANNELS.saveBackup, { passphrase: PASSPHRASE })).toEqual({
      ok: true,
      value: { path: file, secrets: 1, versions: 1, auditEntries: 3 },
    });
    expect(source.dialogs.lastDefaultName).toBe('rekey-2026-06-01.rekey-backup');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const target = app(join(dir.path, 'target'));
    expect(await target.call(CHANNELS.vaultStatus)).toMatchObject({ ok: true, value: { state: 'no-vault' } });
    target.dialogs.backupSource = file;
    const chosen = await target.call(CHANNELS.chooseBackup);
    expect(chosen).toMatchObject({ ok: true, value: { choice: { path: file, fileName: 'vault.rekey-backup' } } });
    const token = (chosen as unknown as { value: { choice: { token: string } } }).value.choice.token;

    // a wrong passphrase keeps the file chosen, so the user can try again
    const wrong = await target.call(CHANNELS.restoreBackup, { token, passphrase: 'not the passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(existsSync(join(dir.path, 'target', 'vault.db'))).toBe(false);

    expect(await target.call(CHANNELS.restoreBackup, { token, passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { status: { state: 'ready' }, secrets: 1, versions: 1, backupCreatedAt: '2026-06-01T12:00:00.000Z' },
    });
    const revealed = await target.services.dispatch(CHANNELS.reveal, { name: 'k' }, { trusted: true });
    expect(revealed).toEqual({ ok: true, value: { value: VALUE } });
    // used up: a second restore with the same token is refused plainly
    expect(await target.call(CHANNELS.restoreBackup, { token, passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuses a short passphrase before asking where to save, and saves nothing when the dialog is cancelled', async () => {
    const source = app(join(dir.path, 'source'));
    await source.call(CHANNELS.initVault);
    source.dialogs.backupTarget = join(dir.path, 'never');
    expect(await source.call(CHANNELS.saveBackup, { passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/at least 10 characters/) as unknown },
    });
    expect(source.dialogs.lastDefaultName).toBeNull();
    source.dialogs.backupTarget = null;
    expect(await source.call(CHANNELS.saveBackup, { passphrase: PASSPHRASE })).toEqual({
      ok: true,
      value: { path: null, secrets: 0, versions: 0, auditEntries: 0 },
    });
    expect(existsSync(join(dir.path, 'never'))).toBe(false);
  });

  it('refuses a file that is not a backup, and a restore over an existing vault, changing nothing', async () => {
    const target = app(join(dir.path, 'target'));
    const notBackup = join(dir.path, 'x.env');
    writeFileSync(notBackup, 'A=1\n');
    target.dialogs.backupSource = notBackup;
    const chosen = (await target.call(CHANNELS.chooseBackup)) as unknown as { value: { choice: { token: string } } };
    expect(await target.call(CHANNELS.restoreBackup, { token: chosen.value.choice.token, passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'backup-invalid', message: expect.stringMatching(/not a usable Rekey backup.*Nothing was changed/) as unknown },
    });
    target.dialogs.backupSource = join(dir.path, 'missing');
    expect(await target.call(CHANNELS.chooseBackup)).toMatchObject({ ok: false, error: { code: 'backup-invalid' } });

    await target.call(CHANNELS.initVault);
    const before = readFileSync(join(dir.path, 'target', 'vault.db'));
    target.dialogs.backupSource = notBackup;
    const again = (await target.call(CHANNELS.chooseBackup)) as unknown as { value: { choice: { token: string } } };
    const refused = await target.call(CHANNELS.restoreBackup, { token: again.value.choice.token, passphrase: PASSPHRASE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'already-initialised' } });
    expect(JSON.stringify(refused)).not.toContain('--');
    expect(readFileSync(join(dir.path, 'target', 'vault.db')).equals(before)).toBe(true);
  });
});
