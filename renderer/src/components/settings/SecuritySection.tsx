import { useState } from 'react';
import { Button } from '../common/Button';
import { Callout } from '../common/Callout';
import { MasterPasswordDialog, type PasswordAction } from './MasterPasswordDialog';
import { NumberSettingsForm } from './NumberSettingsForm';
import type { SettingsSectionProps } from './settings-sections';
import './settings.css';

const FIELDS = [
  {
    name: 'clipboardClearSeconds',
    label: 'Clear the clipboard after',
    unit: 'seconds',
    hint: 'Seconds after a copy; only if the clipboard still holds the copied key.',
  },
  {
    name: 'autoLockMinutes',
    label: 'Auto-lock after',
    unit: 'minutes',
    hint: 'Minutes without keyboard or mouse. 0: never. Rekey also locks when the screen locks or the computer sleeps.',
  },
] as const;

export function SecuritySection({ settings, hasPassword, save, reload }: SettingsSectionProps) {
  const [action, setAction] = useState<PasswordAction | null>(null);
  return (
    <>
      <NumberSettingsForm formLabel="Security" fields={FIELDS} settings={settings} save={save} />
      <div className="settings-password">
        <h3 className="settings-subtitle">Master password</h3>
        {hasPassword ? (
          <Callout tone="success" title="A master password is set">
            Opening the vault needs both your OS keychain and this password (scrypt, about half a second per try). Wrong passwords make the
            next try wait longer. A forgotten password cannot be recovered.
          </Callout>
        ) : (
          <Callout tone="info" title="No master password">
            The vault opens with your OS keychain alone, so Lock only hides the window: anyone at this computer account can open it again.
            With a master password, unlocking asks for it.
          </Callout>
        )}
        <div className="settings-form__actions">
          {hasPassword ? (
            <>
              <Button onClick={() => setAction('change')}>Change master password…</Button>
              <Button variant="ghost" onClick={() => setAction('remove')}>
                Remove master password…
              </Button>
            </>
          ) : (
            <Button variant="primary" icon="lock" onClick={() => setAction('set')}>
              Set master password…
            </Button>
          )}
        </div>
      </div>
      {action !== null && (
        <MasterPasswordDialog
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            reload();
          }}
        />
      )}
    </>
  );
}
