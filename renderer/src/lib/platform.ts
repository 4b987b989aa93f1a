import { desktopOs } from './desktop-os';

/** The OS this window runs on (main.tsx marks <html> with it for the OS's own font lists). */
// navigator.platform is deprecated on the web but kept by Chromium; userAgentData is not in TypeScript's DOM
// eslint-disable-next-line @typescript-eslint/no-deprecated
export const os = desktopOs(navigator.platform);

/** Shortcut labels follow the platform's conventions. */
export const isMac = os === 'mac';

export const searchShortcutLabel = isMac ? '⌘K' : 'Ctrl K';

export function isSearchShortcut(event: KeyboardEvent): boolean {
  return event.key.toLowerCase() === 'k' && (isMac ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey;
}
