import { desktopOs } from './desktop-os';

/** Shortcut labels follow the platform's conventions. */
export const isMac = desktopOs(navigator.platform) === 'mac';

export const searchShortcutLabel = isMac ? '⌘K' : 'Ctrl K';

export function isSearchShortcut(event: KeyboardEvent): boolean {
  return event.key.toLowerCase() === 'k' && (isMac ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey;
}
