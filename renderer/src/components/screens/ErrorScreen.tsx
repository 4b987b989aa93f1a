import { Button } from '../common/Button';
import { Icon } from '../common/Icon';
import { CenteredScreen } from './CenteredScreen';
import './screens.css';

/** The vault's state could not be read at all; the message is main's, shown as is. */
export function ErrorScreen({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <CenteredScreen label={title}>
      <span className="hero-icon hero-icon--danger" aria-hidden="true">
        <Icon name="alertCircle" size={28} />
      </span>
      <h1 className="hero-title">{title}</h1>
      <p className="message-box__text message-box" role="alert">
        {message}
      </p>
      {onRetry && (
        <Button variant="primary" className="btn--large" icon="refresh" onClick={onRetry}>
          Try again
        </Button>
      )}
    </CenteredScreen>
  );
}
