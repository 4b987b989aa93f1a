import type { MenuItemConstructorOptions } from 'electron';
import type { TrayView } from './reminder-scheduler.js';

export interface TrayActions {
  readonly open: () => void;
  readonly openOn: (name: string) => void;
  readonly lock: () => void;
  readonly quit: () => void;
}

const STATUS_WORDS: Record<string, string> = { 'due-soon': 'due soon', overdue: 'overdue', exposed: 'exposed' };
/** A menu is no place for a list of 200 keys: the first few, then "Open Rekey". */
export const TRAY_KEYS_SHOWN = 8;

export function trayTooltip(view: TrayView): string {
  const count = view.attention.length;
  return count === 0 ? 'Rekey: nothing is due' : `Rekey: ${count} ${count === 1 ? 'key needs' : 'keys need'} rotating`;
}

/** The tray's title next to the icon (macOS shows it; elsewhere the tooltip carries it). */
export function trayTitle(view: TrayView): string {
  return view.attention.length === 0 ? '' : String(view.attention.length);
}

/** Lock is always offered: the menu is rebuilt only when reminders are checked, so a "Locked" state could be stale, and locking twice is harmless. */
export function trayMenuTemplate(view: TrayView, actions: TrayActions): MenuItemConstructorOptions[] {
  const keys = view.attention.slice(0, TRAY_KEYS_SHOWN);
  const rest = view.attention.length - keys.length;
  const due: MenuItemConstructorOptions[] =
    keys.length === 0
      ? [{ label: 'Nothing is due', enabled: false }]
      : [
          { label: `Keys due (${view.attention.length})`, enabled: false },
          ...keys.map((key) => ({
            label: `${key.name} — ${STATUS_WORDS[key.status] ?? key.status}`,
            click: () => actions.openOn(key.name),
          })),
          ...(rest > 0 ? [{ label: `${rest} more…`, click: actions.open }] : []),
        ];
  return [
    { label: 'Open Rekey', click: actions.open },
    { type: 'separator' },
    ...due,
    { type: 'separator' },
    { label: 'Lock', click: actions.lock },
    { label: 'Quit Rekey', click: actions.quit },
  ];
}
