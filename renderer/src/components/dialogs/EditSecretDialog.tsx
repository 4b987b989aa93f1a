import { format } from 'date-fns';
import { useState } from 'react';
import { call } from '../../api/rekey';
import type { Secret, SecretPatch } from '../../api/types';
import { useProviders } from '../../hooks/useProviders';
import { useSubmit } from '../../hooks/useSubmit';
import { useToasts } from '../../hooks/useToasts';
import { fromDateInputValue, toDateInputValue } from '../../lib/dates';
import { type FormError, toFormError } from '../../lib/field-errors';
import { Callout } from '../common/Callout';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { type MetadataValues, MetadataFields } from './MetadataFields';
import type { DialogContext } from './OpenDialog';

function initialValues(secret: Secret): MetadataValues {
  return {
    name: secret.name,
    envVar: secret.envVar,
    project: secret.project,
    provider: secret.provider,
    rotateEvery: String(secret.rotateEveryDays),
    rotatedOn: toDateInputValue(secret.rotatedAt),
    notes: secret.notes,
  };
}

/** The changed fields only, as main's edit patch; null when a date cannot be read. */
function patchFrom(before: MetadataValues, after: MetadataValues): SecretPatch | null {
  const patch: { -readonly [K in keyof SecretPatch]: SecretPatch[K] } = {};
  if (after.name.trim() !== before.name) patch.name = after.name.trim();
  if (after.envVar.trim() !== before.envVar) patch.envVar = after.envVar.trim();
  if (after.project.trim() !== before.project) patch.project = after.project.trim();
  if (after.provider !== before.provider) patch.provider = after.provider;
  if (after.rotateEvery.trim() !== before.rotateEvery) patch.rotateEveryDays = Number(after.rotateEvery);
  if (after.notes !== before.notes) patch.notes = after.notes;
  if (after.rotatedOn !== before.rotatedOn) {
    const rotatedAt = fromDateInputValue(after.rotatedOn);
    if (rotatedAt === null) return null;
    patch.rotatedAt = rotatedAt;
  }
  return patch;
}

/** Metadata only: the value changes through Rotate. */
export function EditSecretDialog({ secret, onClose, projects, upsert }: DialogContext & { secret: Secret }) {
  const providers = useProviders();
  const toasts = useToasts();
  const [today] = useState(() => format(new Date(), 'yyyy-MM-dd'));
  const [before] = useState(() => initialValues(secret));
  const [values, setValues] = useState(before);
  const { busy, error, setError, run } = useSubmit<FormError>();

  const submit = async () => {
    const patch = patchFrom(before, values);
    if (patch === null) return setError({ field: 'rotatedOn', message: 'Pick the date the key was last rotated.' });
    if (Object.keys(patch).length === 0) return onClose();
    const result = await run(() => call('editSecret', { name: secret.name, patch }));
    if (!result.ok) return setError(toFormError(result.error.message));
    upsert(result.value);
    toasts.show({ tone: 'success', title: `Saved ${result.value.name}` });
    onClose();
  };

  return (
    <Dialog
      title={`Edit ${secret.name}`}
      description="Change how this key is named, grouped and scheduled. To change its value, rotate it."
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      size="large"
      footer={
        <DialogActions busy={busy} onBack={onClose} icon="check">
          Save changes
        </DialogActions>
      }
    >
      <MetadataFields
        values={values}
        onChange={(field, next) => setValues((current) => ({ ...current, [field]: next }))}
        providers={
          providers.length > 0
            ? providers
            : [
                {
                  id: secret.provider,
                  displayName: secret.providerName,
                  suggestedEnvVar: null,
                  defaultRotateEveryDays: null,
                  rotateUrl: null,
                },
              ]
        }
        projects={projects}
        error={error}
        today={today}
      />
      {error !== null && error.field === null && <Callout tone="danger">{error.message}</Callout>}
    </Dialog>
  );
}
