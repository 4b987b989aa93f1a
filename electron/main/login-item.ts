import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LoginItemPorts {
  /** Electron's app.setLoginItemSettings: macOS and Windows only. */
  readonly setLoginItemSettings: (settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }) => void;
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  readonly home: string;
  /** What to run at login: the AppImage when packaged as one, else the executable. */
  readonly executable: string;
}

/** Started at login, Rekey opens to the tray only: reminders, no window in the user's face. */
export const HIDDEN_FLAG = '--hidden';

export function autostartFile(ports: Pick<LoginItemPorts, 'env' | 'home'>): string {
  return join(ports.env['XDG_CONFIG_HOME'] ?? join(ports.home, '.config'), 'autostart', 'rekey.desktop');
}

/**
 * Electron's login-item API does nothing on Linux; there the freedesktop way is a .desktop
 * file in ~/.config/autostart, which GNOME, KDE and the others all read.
 */
export function applyLaunchAtLogin(enabled: boolean, ports: LoginItemPorts): void {
  if (ports.platform !== 'linux') {
    ports.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true, args: [HIDDEN_FLAG] });
    return;
  }
  const file = autostartFile(ports);
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(join(file, '..'), { recursive: true });
  const exec = `"${ports.executable.replace(/(["`$\\])/g, '\\$1')}" ${HIDDEN_FLAG}`;
  writeFileSync(
    file,
    [
      '[Desktop Entry]',
      'Type=Application',
      'Name=Rekey',
      'Comment=Rotation reminders for your API keys',
      `Exec=${exec}`,
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
}
