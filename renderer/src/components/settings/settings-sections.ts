import type { ComponentType } from 'react';
import type { Settings, SettingsPatch } from '../../api/types';
import { BackupSection } from '../backup/BackupSection';
import type { IconName } from '../common/Icon';
import { RemindersSection } from './RemindersSection';
import { SecuritySection } from './SecuritySection';
import { StartupSection } from './StartupSection';

/** What every section gets: the current settings and a way to save a change to some of them. */
export interface SettingsSectionProps {
  readonly settings: Settings;
  readonly hasPassword: boolean;
  /** Resolves to main's error message, or null when saved. */
  readonly save: (patch: SettingsPatch) => Promise<string | null>;
  /** Reads settings and password state again (after the master password changed). */
  readonly reload: () => void;
}

export interface SettingsSection {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly icon: IconName;
  readonly Component: ComponentType<SettingsSectionProps>;
}

/**
 * The settings screen is this list: a feature adds its section by adding one entry (for
 * example a "Backup" section for encrypted backups), and the screen lays them out in order.
 */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  {
    id: 'reminders',
    title: 'Rotation reminders',
    description: 'When new keys are due, and when Rekey tells you about it.',
    icon: 'bell',
    Component: RemindersSection,
  },
  {
    id: 'security',
    title: 'Security',
    description: 'The clipboard, locking, and an optional master password.',
    icon: 'lock',
    Component: SecuritySection,
  },
  {
    id: 'backup',
    title: 'Backup',
    description: 'An encrypted copy of the whole vault, to restore on this or another machine.',
    icon: 'shieldCheck',
    Component: BackupSection,
  },
  {
    id: 'startup',
    title: 'Startup',
    description: 'Reminders arrive only while Rekey runs: in the tray, or from login.',
    icon: 'clock',
    Component: StartupSection,
  },
];
