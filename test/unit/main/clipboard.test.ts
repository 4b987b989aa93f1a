import { describe, expect, it } from 'vitest';
import { electronClipboard } from '../../../electron/main/clipboard/electron-clipboard.js';
import { clipboard as standInClipboard, ClipboardItem } from '../../support/electron-stand-in.js';

/** What one writeSecret put on the stand-in clipboard: every entry, Blobs read back as bytes. */
async function writeSecretOn(platform: NodeJS.Platform, text: string) {
  standInClipboard.written.length = 0;
  await electronClipboard(standInClipboard as never, platform, (entries) => new ClipboardItem(entries) as never).writeSecret(text);
  expect(standInClipboard.written).toHaveLength(1);
  const items = standInClipboard.written[0] ?? [];
  expect(items).toHaveLength(1);
  const entries: Record<string, string | number[]> = {};
  for (const [type, data] of Object.entries(items[0]?.entries ?? {})) {
    entries[type] = typeof data === 'string' ? data : [...new Uint8Array(await data.arrayBuffer())];
  }
  return entries;
}

// the format names are spelled out here, not imported: a typo in the module must fail a test
const raw = (format: string) => `electron application/osclipboard;format="${format}"`;

describe('the Electron clipboard port marks a secret for each OS, in the same write as the text', () => {
  it('Windows: excluded from monitors, history and Cloud Clipboard, the two flags a little-endian DWORD 0', async () => {
    expect(await writeSecretOn('win32', 's3cret')).toEqual({
      'text/plain': 's3cret',
      [raw('ExcludeClipboardContentFromMonitorProcessing')]: [0, 0, 0, 0],
      [raw('CanIncludeInClipboardHistory')]: [0, 0, 0, 0],
      [raw('CanUploadToCloudClipboard')]: [0, 0, 0, 0],
    });
    expect(standInClipboard.text).toBe('s3cret');
  });

  it('macOS: the nspasteboard.org concealed and transient markers', async () => {
    expect(await writeSecretOn('darwin', 's3cret')).toEqual({
      'text/plain': 's3cret',
      [raw('org.nspasteboard.ConcealedType')]: 'secret',
      [raw('org.nspasteboard.TransientType')]: 'secret',
    });
  });

  it("Linux: KDE's password-manager hint", async () => {
    expect(await writeSecretOn('linux', 's3cret')).toEqual({ 'text/plain': 's3cret', [raw('x-kde-passwordManagerHint')]: 'secret' });
  });

  it('another OS gets the text alone; no marker ever carries the secret', async () => {
    expect(await writeSecretOn('freebsd', 's3cret')).toEqual({ 'text/plain': 's3cret' });
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const { 'text/plain': _text, ...markers } = await writeSecretOn(platform, 'the-secret-value');
      expect(JSON.stringify(markers)).not.toContain('the-secret-value');
    }
  });

  it('falls back to plain text when the platform refuses the markers, so copying still works', async () => {
    const log: unknown[] = [];
    const refusing = {
      write: async () => {
        throw new Error('unsupported format');
      },
      writeText: async (text: string) => void log.push(['writeText', text]),
      readText: async () => '',
      clear: () => undefined,
    };
    await electronClipboard(refusing, 'win32', (entries) => new ClipboardItem(entries) as never).writeSecret('s3cret');
    expect(log).toEqual([['writeText', 's3cret']]);
  });
});
