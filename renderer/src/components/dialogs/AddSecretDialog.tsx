import { format } from 'date-fns';
import { useState } from 'react';
import { call } from '../../api/rekey';
import type { NewSecret } from '../../api/types';
import { useDefaultRotateEveryDays } from '../../hooks/useDefaultRotateEveryDays';
import { useDetect } from '../../hooks/useDetect';
import { useProviders } from '../../hooks/useProviders';
import { useSubmit } from '../../hooks/useSubmit';
import { useToasts } from '../../hooks/useToasts';
import { fromDateInputValue } from '../../lib/dates';
import { type FormError, errorFor, toFormError } from '../../lib/field-errors';
import { suggestEnvVar, suggestName } from '../../lib/suggest';
import { Callout } from '../common/Callout';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { Field } from '../common/Field';
import { DetectionNote } from './DetectionNote';
import { type MetadataValues, MetadataFields } from './MetadataFields';
import type { DialogContext } from './OpenDialog';
import { SecretValueInput } from './SecretValueInput';

type Edits = Partial<Record<keyof MetadataValues, string>>;

/**
 * Paste a key: main detects the provider, and name, env var and interval are suggested from it
 * until the user types their own. The value stays in its password field.
 */
export function AddSecretDialog({ onClose, names, projects, currentProject, upsert }: DialogContext) {
  const providers = useProviders();
  const userDefaultDays = useDefaultRotateEveryDays();
  const toasts = useToasts();
  const [today] = useState(() => format(new Date(), 'yyyy-MM-dd'));
  const [value, setValue] = useState('');
  const [edits, setEdits] = useState<Edits>({});
  const { busy, error, setError, run } = useSubmit<FormError>();

  const chosenProvider = edits.provider ?? '';
  const detection = useDetect(value, chosenProvider === '' ? undefined : chosenProvider);
  const detected = detection.state === 'done' ? detection.result.provider : null;
  const project = edits.project ?? currentProject ?? '';
  const name = edits.name ?? (detected ? suggestName(detected, names, project) : '');
  const values: MetadataValues = {
    name,
    envVar: edits.envVar ?? (detected ? suggestEnvVar(detected, name) : ''),
    project,
    provider: chosenProvider,
    // the provider's own interval, else the user's default (empty until read: core applies it)
    rotateEvery: edits.rotateEvery ?? String(detected?.defaultRotateEveryDays ?? userDefaultDays ?? ''),
    rotatedOn: edits.rotatedOn ?? '',
    notes: edits.notes ?? '',
  };

  const submit = async () => {
    if (value === '') return setError({ field: 'value', message: 'Paste the key you want to keep.' });
    const rotatedAt = values.rotatedOn === '' ? undefined : fromDateInputValue(values.rotatedOn);
    if (rotatedAt === null) return setError({ field: 'rotatedOn', message: 'Pick a date, or leave the field empty for today.' });
    const input: NewSecret = {
      name: values.name.trim(),
      value,
      project: values.project.trim(),
      ...(values.envVar.trim() !== '' ? { envVar: values.envVar.trim() } : {}),
      ...(values.provider !== '' ? { provider: values.provider } : {}),
      ...(values.rotateEvery.trim() !== '' ? { rotateEveryDays: Number(values.rotateEvery) } : {}),
      ...(rotatedAt !== undefined ? { rotatedAt } : {}),
      ...(values.notes !== '' ? { notes: values.notes } : {}),
    };
    const result = await run(() => call('addSecret', input));
    if (!result.ok) return setError(toFormError(result.error.message));
    upsert(result.value.secret);
    toasts.show({
      tone: 'success',
      title: `Added ${result.value.secret.name}`,
      detail: `${result.value.secret.providerName} · ${result.value.secret.masked}`,
    });
    for (const warning of result.value.warnings) toasts.show({ tone: 'warning', title: 'Added, with a warning', detail: warning });
    onClose();
  };

  const generalError = error !== null && error.field === null ? error.message : null;

  return (
    <Dialog
      title="Add a key"
      description="Paste an API key. Rekey recognises the provider and fills in the rest."
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      size="large"
      footer={
        <DialogActions busy={busy} onBack={onClose} icon="plus">
          Add to vault
        </DialogActions>
      }
    >
      <Field label="Key" error={errorFor(error, 'value')} hint="Encrypted before it is stored; it will not be shown here again.">
        <SecretValueInput onValue={setValue} />
      </Field>
      <DetectionNote detection={detection} checked={chosenProvider !== ''} />
      <MetadataFields
        values={values}
        onChange={(field, next) => setEdits((current) => ({ ...current, [field]: next }))}
        providers={providers}
        projects={projects}
        error={error}
        detectLabel={detected && chosenProvider === '' ? `Detected: ${detected.displayName}` : 'Detect from the key'}
        rotatedHint="Leave empty if the key was created today"
        today={today}
      />
      {generalError !== null && <Callout tone="danger">{generalError}</Callout>}
    </Dialog>
  );
}
