import { describe, expect, it } from 'vitest';
import { defaultVaultHome, resolveVaultHome } from '../../../electron/core/index.js';

describe('where the vault lives', () => {
  it('uses $REKEY_HOME when set', () => {
    expect(resolveVaultHome({ REKEY_HOME: '/tmp/v' })).toBe('/tmp/v');
  });

  it("matches Electron's userData folder for an app named Rekey", () => {
    expect(defaultVaultHome({}, 'linux', '/home/u')).toBe('/home/u/.config/Rekey');
    expect(defaultVaultHome({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/Rekey');
    expect(defaultVaultHome({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Rekey');
    expect(defaultVaultHome({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toContain('Rekey');
  });
});
