import { useId } from 'react';
import type { Provider } from '../../api/types';
import { type FormError, type FormField, errorFor } from '../../lib/field-errors';
import { Field } from '../common/Field';
import '../common/field.css';

export interface MetadataValues {
  readonly name: string;
  readonly envVar: string;
  readonly project: string;
  /** '' = detect from the value (Add only). */
  readonly provider: string;
  readonly rotateEvery: string;
  /** yyyy-MM-dd, '' = today (Add) or unchanged (Edit). */
  readonly rotatedOn: string;
  readonly notes: string;
}

interface MetadataFieldsProps {
  values: MetadataValues;
  onChange: (field: Exclude<FormField, 'value'>, value: string) => void;
  providers: readonly Provider[];
  projects: readonly string[];
  error: FormError | null;
  /** Label of the "detect" choice in the provider picker; absent in Edit (a provider is always set). */
  detectLabel?: string;
  /** Hint under "Last rotated". */
  rotatedHint?: string;
  today: string;
}

/** Name, env var, project, provider, interval, last rotation and notes: shared by Add and Edit. */
export function MetadataFields({
  values,
  onChange,
  providers,
  projects,
  error,
  detectLabel,
  rotatedHint = 'When the key was created or last rotated',
  today,
}: MetadataFieldsProps) {
  const projectListId = useId();
  return (
    <div className="form-grid">
      <Field label="Name" error={errorFor(error, 'name')} hint="Letters, digits and . _ - / @ :">
        <input
          className="input"
          value={values.name}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => onChange('name', event.target.value)}
        />
      </Field>
      <Field label="Env var" error={errorFor(error, 'envVar')} hint="The variable name in .env files">
        <input
          className="input input--mono"
          value={values.envVar}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => onChange('envVar', event.target.value)}
        />
      </Field>
      <Field label="Project" optional error={errorFor(error, 'project')}>
        <input
          className="input"
          value={values.project}
          list={projectListId}
          spellCheck={false}
          autoComplete="off"
          placeholder="None"
          onChange={(event) => onChange('project', event.target.value)}
        />
      </Field>
      <datalist id={projectListId}>
        {projects.map((project) => (
          <option key={project} value={project} />
        ))}
      </datalist>
      <Field label="Provider" error={errorFor(error, 'provider')}>
        <select className="input select" value={values.provider} onChange={(event) => onChange('provider', event.target.value)}>
          {detectLabel !== undefined && <option value="">{detectLabel}</option>}
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.displayName}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Rotate every" error={errorFor(error, 'rotateEvery')} hint="Days between rotations">
        <input
          className="input"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          step={1}
          value={values.rotateEvery}
          onChange={(event) => onChange('rotateEvery', event.target.value)}
        />
      </Field>
      <Field label="Last rotated" error={errorFor(error, 'rotatedOn')} hint={rotatedHint}>
        <input
          className="input"
          type="date"
          max={today}
          value={values.rotatedOn}
          onChange={(event) => onChange('rotatedOn', event.target.value)}
        />
      </Field>
      <Field label="Notes" optional error={errorFor(error, 'notes')} className="form-grid__wide">
        <textarea className="input textarea" rows={2} value={values.notes} onChange={(event) => onChange('notes', event.target.value)} />
      </Field>
    </div>
  );
}
