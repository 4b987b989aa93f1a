import type { SettingsSectionProps } from './settings-sections';
import { NumberSettingsForm } from './NumberSettingsForm';
import { ToggleSetting } from './ToggleSetting';

const FIELDS = [
  {
    name: 'defaultRotateEveryDays',
    label: 'Default rotation interval',
    unit: 'days',
    hint: 'Days, for new keys whose provider has no interval of its own.',
  },
  {
    name: 'leadDays',
    label: 'Lead time',
    unit: 'days',
    hint: 'Days before the due date that a key shows as due soon and you get a first notice. 0: no early notice.',
  },
  {
    name: 'overdueRepeatDays',
    label: 'Overdue repeat',
    unit: 'days',
    hint: 'While a key is overdue or exposed, a notice every this many days.',
  },
] as const;

export function RemindersSection({ settings, save }: SettingsSectionProps) {
  return (
    <>
      <NumberSettingsForm formLabel="Rotation reminders" fields={FIELDS} settings={settings} save={save} />
      <ToggleSetting
        name="notifications"
        label="Show notifications"
        hint="Desktop notifications for keys due soon, due, overdue or exposed. Off: the tray still counts them."
        settings={settings}
        save={save}
      />
    </>
  );
}
