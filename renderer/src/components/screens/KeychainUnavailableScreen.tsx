import { Button } from '../common/Button';
import { Icon } from '../common/Icon';
import { CenteredScreen } from './CenteredScreen';
import './screens.css';

/**
 * No OS keychain is reachable. main's message names what is missing and what to start; Rekey
 * never falls back to keeping the vault key in the clear, so all the window can do is retry.
 */
export function KeychainUnavailableScreen({ message, path, onRetry }: { message: string; path: string; onRetry: () => void }) {
  return (
    <CenteredScreen label="Keychain unavailable">
      <span className="hero-icon hero-icon--warning" aria-hidden="true">
        <Icon name="lock" size={28} />
      </span>
      <h1 className="hero-title">Rekey can’t reach your vault key</h1>
      <p className="hero-lead">
        The key that unlocks your vault lives in the operating system’s keychain, and Rekey could not get it from there.
      </p>
      <div className="message-box" role="alert">
        <p className="message-box__label">What the system said</p>
        <p className="message-box__text">{message}</p>
      </div>
      <ol className="steps">
        <li>Start or unlock your keychain (on Linux: GNOME Keyring, KWallet or KeePassXC with its Secret Service enabled).</li>
        <li>Come back here and choose Try again.</li>
      </ol>
      <p className="hero-note">Rekey never stores the vault key unprotected, so it waits rather than fall back to a weaker place.</p>
      <Button variant="primary" className="btn--large" icon="refresh" onClick={onRetry}>
        Try again
      </Button>
      <p className="path-note">
        Vault: <code className="path">{path}</code>
      </p>
    </CenteredScreen>
  );
}
