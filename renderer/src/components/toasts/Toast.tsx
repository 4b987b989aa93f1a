import { useEffect, useState } from 'react';
import { useCountdown } from '../../hooks/useCountdown';
import type { ToastTone } from '../../hooks/useToasts';
import { IconButton } from '../common/Button';
import { Icon, type IconName } from '../common/Icon';
import type { ActiveToast } from './ToastProvider';
import './toasts.css';

const icons: Record<ToastTone, IconName> = { success: 'circleCheck', info: 'info', warning: 'warning', error: 'alertCircle' };
const LINGER_MS: Record<ToastTone, number> = { success: 4000, info: 5000, warning: 9000, error: 10000 };

export function Toast({ toast, onDismiss }: { toast: ActiveToast; onDismiss: (id: number) => void }) {
  const [hovered, setHovered] = useState(false);
  return (
    <div
      className={`toast toast--${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
    >
      <Icon name={icons[toast.tone]} size={18} className="toast__icon" />
      <div className="toast__text">
        {toast.countdown ? (
          <CountdownTitle toast={toast} countdown={toast.countdown} onDismiss={onDismiss} />
        ) : (
          <>
            <p className="toast__title">{toast.title}</p>
            <AutoDismiss id={toast.id} ms={LINGER_MS[toast.tone]} paused={hovered} onDismiss={onDismiss} />
          </>
        )}
        {toast.detail !== undefined && <p className="toast__detail">{toast.detail}</p>}
      </div>
      {toast.action && (
        <button
          type="button"
          className="toast__action"
          onClick={() => {
            onDismiss(toast.id);
            toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <IconButton icon="close" label="Dismiss" className="toast__close" onClick={() => onDismiss(toast.id)} />
    </div>
  );
}

function CountdownTitle({
  toast,
  countdown,
  onDismiss,
}: {
  toast: ActiveToast;
  countdown: NonNullable<ActiveToast['countdown']>;
  onDismiss: (id: number) => void;
}) {
  const left = useCountdown(countdown.seconds);
  return (
    <>
      <p className="toast__title">{left > 0 ? countdown.title(left) : countdown.doneTitle}</p>
      {left > 0 ? (
        <span className="toast__progress" aria-hidden="true">
          <span className="toast__progress-bar" style={{ animationDuration: `${countdown.seconds}s` }} />
        </span>
      ) : (
        <AutoDismiss id={toast.id} ms={1800} paused={false} onDismiss={onDismiss} />
      )}
    </>
  );
}

function AutoDismiss({ id, ms, paused, onDismiss }: { id: number; ms: number; paused: boolean; onDismiss: (id: number) => void }) {
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onDismiss(id), ms);
    return () => clearTimeout(timer);
  }, [id, ms, paused, onDismiss]);
  return null;
}
