import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Size and look of the window. The security flags (webPreferences) are written out where the
 * window is created, in main.ts, so reviewers and the electronegativity scan see them there.
 */
export function mainWindowOptions(dark: boolean): Omit<BrowserWindowConstructorOptions, 'webPreferences'> {
  return {
    width: 1180,
    height: 760,
    minWidth: 820,
    minHeight: 520,
    title: 'Rekey',
    show: false,
    backgroundColor: dark ? '#111318' : '#f6f7f9',
    autoHideMenuBar: false,
  };
}
