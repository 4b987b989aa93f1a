import { useState } from 'react';
import { call } from '../../api/rekey';
import { useSubmit } from '../../hooks/useSubmit';
import { useToasts } from '../../hooks/useToasts';
import { Callout } from '../common/Callout';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { Field } from '../common/Field';
import '../common/field.css';

export type PasswordAction = 'set' | 'change' | 'remove';

const TITLES: Record<PasswordAction, string> = {
  set: 'Set a master password',
  change: 'Change the master password',
  remove: 'Remove the master password',
};
const DONE: Record<PasswordAction, string> = {
  set: 'Master password set',
  change: 'Master password changed',
  remove: 'Master password removed',
};
const MIN = 8;

type FieldName = 'current' | 'next' | 'again';

/** Set, change or remove: the current password for change and remove, the new one typed twice. */
export function MasterPasswordDialog({ action, onClose, onDone }: { action: PasswordAction; onClose: () => void; onDone: () => void }) {
  const toasts = useToasts();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const { busy, error, setError, run } = useSubmit<{ field: FieldName | null; message: string }>();
  const errorFor = (field: FieldName) => (error?.field === field ? error.message : null);

  const submit = async () => {
    if (action !== 'set' && current === '') return setError({ field: 'current', message: 'Type the current master password.' });
    if (action !== 'remove') {
      if ([...next].length < MIN)
        return setError({ field: 'next', message: `The master password must be at least ${MIN} characters long.` });
      if (next !== again) return setError({ field: 'again', message: 'The two passwords differ.' });
    }
    const result = await run(() =>
      call('setMasterPassword', { ...(action === 'set' ? {} : { current }), next: action === 'remove' ? null : next }),
    );
    if (!result.ok) {
      const onCurrent = result.error.code === 'wrong-password' || result.error.code === 'throttled';
      return setError({ field: onCurrent ? 'current' : null, message: result.error.message.replace(/^Invalid request: next: /, '') });
    }
    toasts.show({ tone: 'success', title: DONE[action] });
    onDone();
  };

  return (
    <Dialog
      title={TITLES[action]}
      description={
        action === 'remove'
          ? 'The vault will open with your OS keychain alone again.'
          : 'Use a long passphrase you can type. Rekey cannot recover a forgotten master password, and without it the vault stays locked.'
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      footer={
        <DialogActions busy={busy} onBack={onClose} variant={action === 'remove' ? 'danger' : 'primary'}>
          {action === 'set' ? 'Set password' : action === 'change' ? 'Change password' : 'Remove password'}
        </DialogActions>
      }
    >
      <div className="form-stack">
        {action !== 'set' && (
          <Field label="Current master password" error={errorFor('current')}>
            <input
              className="input"
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
              data-autofocus
            />
          </Field>
        )}
        {action !== 'remove' && (
          <>
            <Field label="New master password" hint={`At least ${MIN} characters.`} error={errorFor('next')}>
              <input
                className="input"
                type="password"
                autoComplete="new-password"
                value={next}
                onChange={(event) => setNext(event.target.value)}
                data-autofocus={action === 'set' || undefined}
              />
            </Field>
            <Field label="New master password again" error={errorFor('again')}>
              <input
                className="input"
                type="password"
                autoComplete="new-password"
                value={again}
                onChange={(event) => setAgain(event.target.value)}
              />
            </Field>
          </>
        )}
        {error !== null && error.field === null && <Callout tone="danger">{error.message}</Callout>}
      </div>
    </Dialog>
  );
}
