import type { ActiveToast } from './ToastProvider';
import { Toast } from './Toast';
import './toasts.css';

/** Bottom-right stack, errors above. Errors are announced assertively, everything else politely. */
export function ToastRegion({ toasts, onDismiss }: { toasts: readonly ActiveToast[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toast-stack">
      <section className="toasts toasts--errors" aria-label="Errors" aria-live="assertive">
        {toasts
          .filter((toast) => toast.tone === 'error')
          .map((toast) => (
            <Toast key={toast.id} toast={toast} onDismiss={onDismiss} />
          ))}
      </section>
      <section className="toasts" aria-label="Notifications" aria-live="polite">
        {toasts
          .filter((toast) => toast.tone !== 'error')
          .map((toast) => (
            <Toast key={toast.id} toast={toast} onDismiss={onDismiss} />
          ))}
      </section>
    </div>
  );
}
