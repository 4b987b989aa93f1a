import { useState } from 'react';
import type { Settings, SettingsPatch } from '../../api/types';
import { useSubmit } from '../../hooks/useSubmit';
import { Button } from '../common/Button';
import { Callout } from '../common/Callout';
import { Field } from '../common/Field';
import '../common/field.css';
import './settings.css';

type NumberSetting = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];

export interface NumberFieldSpec {
  readonly name: NumberSetting;
  readonly label: string;
  readonly unit: string;
  readonly hint: string;
}

/** main's zod message names the field: "Invalid request: leadDays: The lead time …". */
function fieldError(message: string): { field: string | null; text: string } {
  const match = /^Invalid request: ([A-Za-z]+): (.*)$/.exec(message);
  return match ? { field: match[1] ?? null, text: match[2] ?? message } : { field: null, text: message };
}

/** Whole numbers go as numbers; anything else goes as typed, so main's check names the problem. */
function parse(text: string): number | string {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : text;
}

/** A few number settings with one Save button; errors from main land under their field. */
export function NumberSettingsForm({
  fields,
  settings,
  save,
  formLabel,
}: {
  fields: readonly NumberFieldSpec[];
  settings: Settings;
  save: (patch: SettingsPatch) => Promise<string | null>;
  formLabel: string;
}) {
  const initial = () =>
    Object.fromEntries(fields.map((field) => [field.name, String(settings[field.name])])) as Record<NumberSetting, string>;
  const [values, setValues] = useState(initial);
  const { busy, error, setError, run } = useSubmit<{ field: string | null; text: string }>();
  const [saved, setSaved] = useState(false);
  const changed = fields.some((field) => values[field.name] !== String(settings[field.name]));

  const submit = async () => {
    const patch: Record<string, unknown> = {};
    for (const field of fields) if (values[field.name] !== String(settings[field.name])) patch[field.name] = parse(values[field.name]);
    setSaved(false);
    const message = await run(() => save(patch));
    if (message === null) setSaved(true);
    else setError(fieldError(message));
  };

  return (
    <form
      className="settings-form"
      aria-label={formLabel}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="settings-form__fields">
        {fields.map((field) => (
          <Field key={field.name} label={field.label} hint={field.hint} error={error?.field === field.name ? error.text : null}>
            <input
              className="input settings-number"
              inputMode="numeric"
              value={values[field.name]}
              aria-label={field.label}
              onChange={(event) => {
                setSaved(false);
                setValues((current) => ({ ...current, [field.name]: event.target.value }));
              }}
            />
          </Field>
        ))}
      </div>
      {error !== null && error.field === null && <Callout tone="danger">{error.text}</Callout>}
      <div className="settings-form__actions">
        <Button type="submit" variant="primary" icon="check" busy={busy} disabled={!changed}>
          Save
        </Button>
        {saved && !changed && (
          <span className="settings-form__saved" role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}
