import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp-vault.js';

vi.mock('electron', () => import('../../support/electron-stand-in.js'));

const dir = tempDir();
afterAll(() => {
  delete process.env['REKEY_HOME'];
  delete process.env['REKEY_DEV_SERVER_URL'];
  dir.remove();
});

it('a packaged app ignores REKEY_DEV_SERVER_URL, says so on stderr, and loads app://rekey/', async () => {
  (globalThis as { __rekeyStandInPackaged?: boolean }).__rekeyStandInPackaged = true;
  process.env['REKEY_HOME'] = join(dir.path, 'vault');
  // a value a development run would accept: only being packaged refuses it
  process.env['REKEY_DEV_SERVER_URL'] = 'http://127.0.0.1:5173/';
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const standIn = await import('../../support/electron-stand-in.js');
  await import('../../../electron/main/main.js');
  await standIn.fireReady();
  expect(standIn.app.isPackaged).toBe(true);
  expect(standIn.calls.windows[0]?.loadedUrl).toBe('app://rekey/index.html');
  expect(errors).toHaveBeenCalledWith(expect.stringMatching(/REKEY_DEV_SERVER_URL="http:\/\/127\.0\.0\.1:5173\/" ignored: a packaged app/));
  errors.mockRestore();
});
