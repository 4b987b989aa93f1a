export type DesktopOs = 'mac' | 'windows' | 'linux' | 'other';

/** The OS from navigator.platform as Chromium reports it: "MacIntel", "Win32", "Linux x86_64". */
export function desktopOs(platform: string): DesktopOs {
  if (/^Mac/.test(platform)) return 'mac';
  if (/^Win/.test(platform)) return 'windows';
  if (/Linux/.test(platform)) return 'linux';
  return 'other';
}
