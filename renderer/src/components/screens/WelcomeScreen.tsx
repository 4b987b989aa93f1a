import { useState } from 'react';
import type { VaultStatus } from '../../api/types';
import { RestoreDialog } from '../backup/RestoreDialog';
import { Button } from '../common/Button';
import { Callout } from '../common/Callout';
import { AppMark } from '../common/AppMark';
import { Icon, type IconName } from '../common/Icon';
import { CenteredScreen } from './CenteredScreen';
import './screens.css';

const points: ReadonlyArray<{ icon: IconName; title: string; text: string }> = [
  { icon: 'lock', title: 'Encrypted on this machine', text: 'AES-256-GCM, with the vault key in your OS keychain. No server, no account.' },
  { icon: 'clock', title: 'Knows when keys are due', text: 'Every key gets a rotation interval, and overdue or exposed keys stand out.' },
  {
    icon: 'file',
    title: 'Clean .env files',
    text: 'Export exactly what dotenv, shells and Docker read back, or import the ones you have.',
  },
];

/** First run: no vault yet. */
export function WelcomeScreen({
  path,
  onCreate,
  creating,
  error,
  onRestored,
}: {
  path: string;
  onCreate: () => void;
  creating: boolean;
  error: string | null;
  onRestored: (status: VaultStatus) => void;
}) {
  const [restoring, setRestoring] = useState(false);
  return (
    <>
      <CenteredScreen label="Welcome">
        <AppMark size="large" />
        <h1 className="hero-title">Welcome to Rekey</h1>
        <p className="hero-lead">A vault for your API keys that tells you when each one is due for rotation.</p>
        <ul className="feature-list">
          {points.map((point) => (
            <li key={point.title} className="feature-list__item">
              <span className="feature-list__icon">
                <Icon name={point.icon} size={18} />
              </span>
              <span>
                <strong>{point.title}</strong>
                <span className="feature-list__text">{point.text}</span>
              </span>
            </li>
          ))}
        </ul>
        {error !== null && (
          <Callout tone="danger" title="The vault could not be created">
            {error}
          </Callout>
        )}
        <div className="welcome-actions">
          <Button variant="primary" className="btn--large" icon="key" busy={creating} onClick={onCreate}>
            Create vault
          </Button>
          <Button className="btn--large" icon="undo" disabled={creating} onClick={() => setRestoring(true)}>
            Restore from a backup…
          </Button>
        </div>
        <p className="path-note">
          The vault will live at <code className="path">{path}</code>
        </p>
      </CenteredScreen>
      {/* outside the centred screen, so the dialog keeps the usual left-aligned layout */}
      {restoring && <RestoreDialog onClose={() => setRestoring(false)} onRestored={onRestored} />}
    </>
  );
}
