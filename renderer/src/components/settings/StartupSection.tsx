import type { SettingsSectionProps } from './settings-sections';
import { ToggleSetting } from './ToggleSetting';

export function StartupSection({ settings, save }: SettingsSectionProps) {
  return (
    <ToggleSetting
      name="launchAtLogin"
      label="Launch at login"
      hint="Start Rekey in the tray when you log in, so reminders arrive without opening it. Closing the window keeps Rekey in the tray; Quit is in the tray menu."
      settings={settings}
      save={save}
    />
  );
}
