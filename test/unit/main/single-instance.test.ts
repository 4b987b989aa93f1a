import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp-vault.js';

vi.mock('electron', () => import('../../support/electron-stand-in.js'));

const dir = tempDir();
afterAll(() => dir.remove());

it('a second instance quits at once and opens no window of its own', async () => {
  (globalThis as { __rekeyStandInLock?: boolean }).__rekeyStandInLock = false;
  process.env['REKEY_HOME'] = join(dir.path, 'vault');
  const standIn = await import('../../support/electron-stand-in.js');
  await import('../../../electron/main/main.js');
  expect(standIn.calls.quit).toBeGreaterThan(0);
  delete process.env['REKEY_HOME'];
});
