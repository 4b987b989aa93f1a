import type { Clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from '../ports.js';

/**
 * KDE's Klipper (and clipboard managers that follow it) keep no history of an entry marked
 * with this type; Electron 45's clipboard.write commits all entries of one item atomically.
 */
export const PASSWORD_MANAGER_HINT = 'electron application/osclipboard;format="x-kde-passwordManagerHint"';

export function secretClipboardEntries(text: string, platform: NodeJS.Platform): Record<string, string> {
  return platform === 'linux' ? { 'text/plain': text, [PASSWORD_MANAGER_HINT]: 'secret' } : { 'text/plain': text };
}

export function electronClipboard(
  clipboard: Pick<Clipboard, 'write' | 'writeText' | 'readText' | 'clear'>,
  platform: NodeJS.Platform,
  makeItem: (entries: Record<string, string>) => ClipboardItem,
): ClipboardPort {
  return {
    async writeSecret(text) {
      try {
        await clipboard.write([makeItem(secretClipboardEntries(text, platform))]);
      } catch {
        // a platform that refuses the hint still gets the text: copying must not fail over a hint
        await clipboard.writeText(text);
      }
    },
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  };
}
