import { describe, expect, it } from 'vitest';
import { desktopOs } from '../../../renderer/src/lib/desktop-os.js';

describe('desktopOs', () => {
  it('reads the OS from the navigator.platform strings Chromium reports', () => {
    expect(desktopOs('MacIntel')).toBe('mac');
    expect(desktopOs('Win32')).toBe('windows');
    expect(desktopOs('Linux x86_64')).toBe('linux');
    expect(desktopOs('Linux aarch64')).toBe('linux');
    expect(desktopOs('')).toBe('other');
    expect(desktopOs('FreeBSD amd64')).toBe('other');
  });
});
