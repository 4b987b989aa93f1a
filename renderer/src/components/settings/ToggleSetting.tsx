import { useId } from 'react';
import type { Settings, SettingsPatch } from '../../api/types';
import { useSubmit } from '../../hooks/useSubmit';
import './settings.css';

type BooleanSetting = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

/** A switch that saves as soon as it is flipped; a refusal from main flips it back and says why. */
export function ToggleSetting({
  name,
  label,
  hint,
  settings,
  save,
}: {
  name: BooleanSetting;
  label: string;
  hint: string;
  settings: Settings;
  save: (patch: SettingsPatch) => Promise<string | null>;
}) {
  const id = useId();
  const { busy, error, setError, run } = useSubmit();
  const flip = async (checked: boolean) => {
    const message = await run(() => save({ [name]: checked }));
    setError(message);
  };
  return (
    <div className="toggle-setting">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={settings[name]}
        disabled={busy}
        aria-describedby={`${id}-hint`}
        onChange={(event) => void flip(event.target.checked)}
      />
      <div>
        <label htmlFor={id} className="toggle-setting__label">
          {label}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
        {error !== null && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
