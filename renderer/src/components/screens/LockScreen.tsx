import { useState } from 'react';
import { useSubmit } from '../../hooks/useSubmit';
import { AppMark } from '../common/AppMark';
import { Button } from '../common/Button';
import { Callout } from '../common/Callout';
import { Field } from '../common/Field';
import '../common/field.css';
import './lock-screen.css';
import './screens.css';

interface LockScreenProps {
  hasPassword: boolean;
  path: string;
  /** Resolves to main's message when unlocking failed, null when it worked. */
  onUnlock: (password: string | undefined) => Promise<string | null>;
}

/**
 * The locked vault: its key is wiped from memory. With a master password, unlocking needs it;
 * without one, the screen says plainly that locking only hid the window.
 */
export function LockScreen({ hasPassword, path, onUnlock }: LockScreenProps) {
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useSubmit();

  const submit = async () => {
    if (hasPassword && password === '') return setError('Type the master password.');
    const message = await run(() => onUnlock(hasPassword ? password : undefined));
    if (message !== null) {
      setError(message);
      setPassword('');
    }
  };

  return (
    <main className="centered-screen" aria-label="Locked">
      <form
        className="centered-screen__card lock-card"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <AppMark size="large" />
        <h1 className="hero-title">Rekey is locked</h1>
        {hasPassword ? (
          <>
            <p className="hero-lead">Your vault key was wiped from memory. Enter your master password to open the vault again.</p>
            <Field label="Master password" error={error}>
              <input
                className="input input--secret"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                disabled={busy}
                autoFocus
              />
            </Field>
            <Button type="submit" variant="primary" className="btn--large" icon="lock" busy={busy}>
              Unlock
            </Button>
          </>
        ) : (
          <>
            <p className="hero-lead">Your keys are hidden and the vault key is out of memory.</p>
            <Callout tone="warning" title="Without a master password, this lock is only a curtain">
              Anyone using this computer account can open the vault again with the button below, because the vault key comes from your OS
              keychain, which is unlocked while you are logged in. Set a master password in Settings to make unlocking ask for it.
            </Callout>
            {error !== null && <Callout tone="danger">{error}</Callout>}
            <Button type="submit" variant="primary" className="btn--large" icon="key" busy={busy}>
              Open vault
            </Button>
          </>
        )}
        <p className="path-note">
          Vault: <code className="path">{path}</code>
        </p>
      </form>
    </main>
  );
}
