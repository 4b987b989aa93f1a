import { Icon } from './Icon';
import './app-mark.css';

/** The app's mark: a key on the accent gradient. */
export function AppMark({ size = 'small' }: { size?: 'small' | 'large' }) {
  return (
    <span className={`app-mark app-mark--${size}`} aria-hidden="true">
      <Icon name="key" size={size === 'large' ? 30 : 16} />
    </span>
  );
}
