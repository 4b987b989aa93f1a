import { call } from '../../api/rekey';
import type { Secret } from '../../api/types';
import { useSubmit } from '../../hooks/useSubmit';
import { useToasts } from '../../hooks/useToasts';
import { Button } from '../common/Button';
import { Callout } from '../common/Callout';
import { Dialog } from '../common/Dialog';
import { ProviderBadge, shortProviderName } from '../common/ProviderBadge';
import type { DialogContext } from './OpenDialog';
import '../common/dialog.css';
import './delete-secret-dialog.css';

/** Confirmation before a key and its history leave the vault. Focus starts on Cancel. */
export function DeleteSecretDialog({ secret, onClose, remove }: DialogContext & { secret: Secret }) {
  const toasts = useToasts();
  const { busy, error, setError, run } = useSubmit();

  const confirm = async () => {
    const result = await run(() => call('deleteSecret', { name: secret.name }));
    if (!result.ok) return setError(result.error.message);
    remove(secret.id);
    toasts.show({ tone: 'success', title: `Deleted ${secret.name}` });
    onClose();
  };

  return (
    <Dialog
      title={`Delete ${secret.name}?`}
      onClose={onClose}
      busy={busy}
      size="small"
      footer={
        <>
          <Button onClick={onClose} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" icon="trash" busy={busy} onClick={() => void confirm()}>
            Delete key
          </Button>
        </>
      }
    >
      <div className="delete-summary">
        <ProviderBadge id={secret.provider} name={secret.providerName} />
        <code className="masked">{secret.masked}</code>
      </div>
      <p className="dialog-text">
        The key and all its versions are removed from the vault. This can’t be undone, and it does not revoke the key at{' '}
        {shortProviderName(secret.providerName)}.
      </p>
      {error !== null && <Callout tone="danger">{error}</Callout>}
    </Dialog>
  );
}
