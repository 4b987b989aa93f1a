import { useState } from 'react';
import { call } from '../../api/rekey';
import type { VaultStatus } from '../../api/types';
import { useDateLocale } from '../../hooks/useDateLocale';
import { useSubmit } from '../../hooks/useSubmit';
import { useToasts } from '../../hooks/useToasts';
import { formatMoment } from '../../lib/dates';
import { Callout } from '../common/Callout';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { Field } from '../common/Field';
import { Icon } from '../common/Icon';
import './backup.css';
import '../common/dialog.css';
import '../common/field.css';
import '../dialogs/data-table.css';

interface Chosen {
  readonly token: string;
  readonly path: string;
  readonly fileName: string;
}

/**
 * Restore a backup into this window's (empty) vault folder: choose the file in main's open
 * dialog, then the passphrase. A wrong passphrase keeps the file chosen, to try again.
 */
export function RestoreDialog({ onClose, onRestored }: { onClose: () => void; onRestored: (status: VaultStatus) => void }) {
  const toasts = useToasts();
  const locale = useDateLocale();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const [passphraseError, setPassphraseError] = useState<string | null>(null);

  const choose = async () => {
    const result = await run(() => call('chooseBackup', {}));
    if (!result.ok) return setError(result.error.message);
    if (result.value.choice !== null) {
      setChosen(result.value.choice);
      setPassphrase('');
      setPassphraseError(null);
    }
  };

  const restore = async () => {
    if (chosen === null) return;
    if (passphrase === '') return setPassphraseError('Enter the passphrase the backup was made with.');
    setPassphraseError(null);
    const result = await run(() => call('restoreBackup', { token: chosen.token, passphrase }));
    if (!result.ok) {
      if (result.error.code === 'wrong-passphrase') return setPassphraseError(result.error.message);
      return setError(result.error.message);
    }
    const { secrets, backupCreatedAt, status } = result.value;
    toasts.show({
      tone: 'success',
      title: `Restored ${secrets.toLocaleString()} ${secrets === 1 ? 'key' : 'keys'}`,
      detail: `From the backup of ${formatMoment(backupCreatedAt, locale)}`,
    });
    onRestored(status);
  };

  return (
    <Dialog
      title="Restore from a backup"
      description="Brings back every key, its history and the audit log from a file made with Back up the vault (or rekey backup)."
      onClose={onClose}
      busy={busy}
      onSubmit={() => void (chosen === null ? choose() : restore())}
      footer={
        chosen === null ? (
          <DialogActions busy={busy} onBack={onClose} icon="file">
            Choose backup file…
          </DialogActions>
        ) : (
          <DialogActions busy={busy} onBack={() => void choose()} backLabel="Choose another file" icon="undo">
            Restore
          </DialogActions>
        )
      }
    >
      {chosen === null ? (
        <p className="dialog-text">Choose the backup file first. Nothing is changed until you enter its passphrase and restore.</p>
      ) : (
        <>
          <div className="import-source">
            <Icon name="file" />
            <code className="path">{chosen.path}</code>
          </div>
          <Field label="Passphrase" error={passphraseError}>
            <input
              className="input"
              type="password"
              value={passphrase}
              autoComplete="current-password"
              spellCheck={false}
              data-autofocus
              onChange={(event) => setPassphrase(event.target.value)}
            />
          </Field>
        </>
      )}
      {error !== null && (
        <Callout tone="danger" title="Nothing was restored">
          {error}
        </Callout>
      )}
    </Dialog>
  );
}
