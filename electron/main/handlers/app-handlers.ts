import { RekeyError, type Settings } from '../../core/index.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { VaultSession } from '../session/vault-session.js';

type AppHandlers = Pick<
  Handlers,
  'unlockVault' | 'setMasterPassword' | 'getSettings' | 'saveSettings' | 'keyReminders' | 'setKeyReminders' | 'pollApp'
>;

export interface AppState {
  /** A notification was clicked: the window shows this key the next time it polls. */
  takeFocusRequest(): string | null;
  /** Main reacts to new settings (auto-lock, launch at login, a fresh reminder check). */
  settingsChanged(settings: Settings): void;
}

function metadataOf(session: VaultSession) {
  const metadata = session.metadata();
  if (!metadata) throw new RekeyError('not-initialised', 'There is no vault yet: create one first.');
  return metadata;
}

export function appHandlers(session: VaultSession, app: AppState): AppHandlers {
  return {
    unlockVault: ({ password }) => session.unlock(password),
    setMasterPassword: async ({ current, next }) => {
      // behind the lock screen like everything else: the window must be unlocked to change it
      await session.vault();
      const change = await session.setPassword(current, next);
      return { hasPassword: next !== null, change };
    },
    // checked against their MAC while the vault is open; while locked, as stored (SECURITY.md)
    getSettings: async () => ({
      settings: session.openVault?.settings() ?? metadataOf(session).settings(),
      hasPassword: await session.hasPassword(),
    }),
    saveSettings: async (patch) => {
      // saved (and signed) by the open vault: its key makes the settings' MAC
      const settings = (await session.vault()).updateSettings(patch);
      app.settingsChanged(settings);
      return { settings, hasPassword: await session.hasPassword() };
    },
    keyReminders: ({ name }) => metadataOf(session).keyReminders(name),
    setKeyReminders: async ({ name, snooze, leadDays }) => {
      await session.vault();
      return metadataOf(session).setKeyReminders(name, { snooze, leadDays });
    },
    pollApp: () => {
      const locked = session.locked;
      return { locked, focus: locked ? null : app.takeFocusRequest() };
    },
  };
}
