import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-vault.js';

const cli = join(import.meta.dirname, '../../bin/rekey.js');

/**
 * The CLI with a keychain situation of our choosing. (A fresh bus with no Secret Service is not
 * tried: D-Bus activation would start gnome-keyring against the real HOME.)
 */
function initWith(env: NodeJS.ProcessEnv) {
  const dir = tempDir();
  cleanups.push(dir.remove);
  const home = join(dir.path, 'vault');
  const base = { ...process.env };
  delete base['DBUS_SESSION_BUS_ADDRESS'];
  delete base['DISPLAY'];
  const result = spawnSync(process.execPath, [cli, 'init'], { env: { ...base, ...env, REKEY_HOME: home }, encoding: 'utf8' });
  return { ...result, home };
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('when no OS keychain is reachable', () => {
  const cases: Array<[string, NodeJS.ProcessEnv]> = [
    ['no D-Bus session at all', {}],
    ['a D-Bus address that leads nowhere', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' }],
  ];

  for (const [situation, env] of cases) {
    it(`says what is missing and creates nothing: ${situation}`, () => {
      const result = initWith(env);
      expect(result.status).toBe(1);
      const lines = result.stderr.split('\n').filter((line) => line.startsWith('rekey:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^rekey: No OS keychain is reachable \(.+\)\. .*Secret Service.*gnome-keyring/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(result.home, 'vault.db'))).toBe(false);
    });
  }
});
