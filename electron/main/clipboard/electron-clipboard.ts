import type { Clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from '../ports.js';

/** Electron 45 writes a raw OS clipboard format under this MIME type. */
const osFormat = (name: string) => `electron application/osclipboard;format="${name}"`;

/**
 * KDE's Klipper (and clipboard managers that follow it) keep no history of an entry marked
 * with this type; Electron 45's clipboard.write commits all entries of one item atomically.
 */
export const PASSWORD_MANAGER_HINT = osFormat('x-kde-passwordManagerHint');

/**
 * Windows: the first keeps clipboard monitors (Win+V history among them) away from the entry
 * whatever its data; the other two are read as a DWORD, 0 meaning "no" to history and to
 * Cloud Clipboard sync.
 */
export const WINDOWS_EXCLUDE_FROM_MONITORS = osFormat('ExcludeClipboardContentFromMonitorProcessing');
export const WINDOWS_HISTORY = osFormat('CanIncludeInClipboardHistory');
export const WINDOWS_CLOUD = osFormat('CanUploadToCloudClipboard');

/** macOS: the nspasteboard.org markers that clipboard managers (Maccy, Alfred, Paste…) honour. */
export const MAC_CONCEALED = osFormat('org.nspasteboard.ConcealedType');
export const MAC_TRANSIENT = osFormat('org.nspasteboard.TransientType');

/** A DWORD 0 as Windows reads it: four bytes, little-endian. */
export const DWORD_ZERO: Readonly<Uint8Array> = new Uint8Array(4);

/** Managers look at the marker types only; the data is a short token, not the secret. */
const MARKER = 'secret';

export type ClipboardEntry = string | Blob;

export function secretClipboardEntries(text: string, platform: NodeJS.Platform): Record<string, ClipboardEntry> {
  switch (platform) {
    case 'linux':
      return { 'text/plain': text, [PASSWORD_MANAGER_HINT]: MARKER };
    case 'win32': {
      // a fresh Blob per format: the clipboard may take ownership of each entry's bytes
      const dword = () => new Blob([DWORD_ZERO.slice()]);
      return { 'text/plain': text, [WINDOWS_EXCLUDE_FROM_MONITORS]: dword(), [WINDOWS_HISTORY]: dword(), [WINDOWS_CLOUD]: dword() };
    }
    case 'darwin':
      return { 'text/plain': text, [MAC_CONCEALED]: MARKER, [MAC_TRANSIENT]: MARKER };
    default:
      return { 'text/plain': text };
  }
}

export function electronClipboard(
  clipboard: Pick<Clipboard, 'write' | 'writeText' | 'readText' | 'clear'>,
  platform: NodeJS.Platform,
  makeItem: (entries: Record<string, ClipboardEntry>) => ClipboardItem,
): ClipboardPort {
  return {
    async writeSecret(text) {
      try {
        await clipboard.write([makeItem(secretClipboardEntries(text, platform))]);
      } catch {
        // a platform that refuses the markers still gets the text: copying must not fail over a
        // hint (SECURITY.md says a history may then keep it; the clear still runs)
        await clipboard.writeText(text);
      }
    },
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  };
}
