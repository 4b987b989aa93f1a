import { useState } from 'react';
import { call } from '../../api/rekey';
import type { Secret } from '../../api/types';
import { useDetect } from '../../hooks/useDetect';
import { useSubmit } from '../../hooks/useSubmit';
import { useToasts } from '../../hooks/useToasts';
import { Callout } from '../common/Callout';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { Field } from '../common/Field';
import { Icon } from '../common/Icon';
import { ProviderBadge } from '../common/ProviderBadge';
import { DetectionNote } from './DetectionNote';
import type { DialogContext } from './OpenDialog';
import { SecretValueInput } from './SecretValueInput';
import './rotate-dialog.css';

/**
 * Rotate: make a new key at the provider (link), paste it (checked live against the secret's
 * provider), store it. The old value stays as the previous version, so this can be undone.
 */
export function RotateDialog({ secret, onClose, upsert }: DialogContext & { secret: Secret }) {
  const toasts = useToasts();
  const [value, setValue] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const generic = secret.provider === 'generic';
  const detection = useDetect(value, generic ? undefined : secret.provider);

  const submit = async () => {
    if (value === '') return setError('Paste the new key first.');
    const result = await run(() => call('rotateSecret', { name: secret.name, value }));
    if (!result.ok) return setError(result.error.message);
    upsert(result.value.secret);
    toasts.show({
      tone: 'success',
      title: `Rotated ${secret.name}`,
      detail: 'The previous value is kept for 7 days in case you need to undo.',
      action: {
        label: 'Undo',
        run: () =>
          void call('undoRotation', { name: secret.name }).then((undo) => {
            if (!undo.ok) return toasts.error(undo.error.message, 'Couldn’t undo the rotation');
            upsert(undo.value);
            toasts.show({ tone: 'info', title: `Restored the previous value of ${secret.name}` });
          }),
      },
    });
    for (const warning of result.value.warnings) toasts.show({ tone: 'warning', title: 'Rotated, with a warning', detail: warning });
    onClose();
  };

  return (
    <Dialog
      title={`Rotate ${secret.name}`}
      description="Replace this key with a new one. The current value is kept as the previous version for 7 days."
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      footer={
        <DialogActions busy={busy} onBack={onClose} icon="rotate">
          Rotate key
        </DialogActions>
      }
    >
      <ol className="rotate-steps">
        <li className="rotate-steps__step">
          <span className="rotate-steps__number" aria-hidden="true">
            1
          </span>
          <div>
            <p className="rotate-steps__title">Create a new key</p>
            {secret.rotateUrl !== null ? (
              <a className="rotate-link" href={secret.rotateUrl} target="_blank" rel="noreferrer noopener">
                <ProviderBadge id={secret.provider} name={secret.providerName} />
                <span>Open the {secret.providerName} key page</span>
                <Icon name="external" size={14} />
              </a>
            ) : (
              <p className="rotate-steps__text">
                Create it wherever this key comes from, then revoke the old one there once you have switched.
              </p>
            )}
          </div>
        </li>
        <li className="rotate-steps__step">
          <span className="rotate-steps__number" aria-hidden="true">
            2
          </span>
          <div className="rotate-steps__body">
            <Field label="New key" hint="Checked against the provider’s key format as you paste.">
              <SecretValueInput onValue={setValue} placeholder="Paste the new key" />
            </Field>
            <DetectionNote detection={detection} checked={!generic} />
          </div>
        </li>
      </ol>
      {error !== null && <Callout tone="danger">{error}</Callout>}
    </Dialog>
  );
}
