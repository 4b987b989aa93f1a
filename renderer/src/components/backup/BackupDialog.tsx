import { useId, useMemo, useState } from 'react';
import { call } from '../../api/rekey';
import { useSubmit } from '../../hooks/useSubmit';
import { useToasts } from '../../hooks/useToasts';
import { Callout } from '../common/Callout';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { Field } from '../common/Field';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter';
import { passphraseStrength } from './passphrase-strength';
import './backup.css';
import '../common/dialog.css';
import '../common/field.css';

const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

/**
 * Back up the whole vault to one passphrase-encrypted file. Self-contained: it needs only a
 * way to close, so the vault header's menu and a settings screen can both open it.
 */
export function BackupDialog({ onClose }: { onClose: () => void }) {
  const toasts = useToasts();
  const meterId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const [tried, setTried] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const strength = useMemo(() => passphraseStrength(passphrase), [passphrase]);

  const passphraseError = tried && strength.score === 0 ? strength.hint : null;
  const confirmationError = tried && strength.score > 0 && confirmation !== passphrase ? 'The two passphrases differ.' : null;

  const save = async () => {
    setTried(true);
    setCancelled(false);
    setError(null);
    if (strength.score === 0 || confirmation !== passphrase) return;
    const result = await run(() => call('saveBackup', { passphrase }));
    if (!result.ok) return setError(result.error.message);
    if (result.value.path === null) return setCancelled(true);
    toasts.show({
      tone: 'success',
      title: `Backed up ${plural(result.value.secrets, 'key', 'keys')}`,
      detail: `${result.value.path} · ${plural(result.value.versions, 'version', 'versions')}, ${plural(result.value.auditEntries, 'audit entry', 'audit entries')}`,
    });
    onClose();
  };

  return (
    <Dialog
      title="Back up the vault"
      description="One file with every key and its history, all details and the audit log, encrypted with a passphrase you choose."
      onClose={onClose}
      busy={busy}
      onSubmit={() => void save()}
      footer={
        <DialogActions busy={busy} onBack={onClose} icon="shieldCheck">
          Save backup…
        </DialogActions>
      }
    >
      <Field label="Passphrase" error={passphraseError}>
        <input
          className="input"
          type="password"
          value={passphrase}
          autoComplete="new-password"
          spellCheck={false}
          data-autofocus
          aria-describedby={meterId}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </Field>
      <PassphraseStrengthMeter strength={strength} id={meterId} />
      <Field label="Passphrase again" error={confirmationError}>
        <input
          className="input"
          type="password"
          value={confirmation}
          autoComplete="new-password"
          spellCheck={false}
          onChange={(event) => setConfirmation(event.target.value)}
        />
      </Field>
      <p className="dialog-text dialog-text--muted">
        Anyone with the file and the passphrase can read every key, and without the passphrase nobody can, including you. Keep it somewhere
        safe.
      </p>
      {cancelled && <Callout tone="info">Nothing was saved.</Callout>}
      {error !== null && (
        <Callout tone="danger" title="The backup was not saved">
          {error}
        </Callout>
      )}
    </Dialog>
  );
}
