import { type ReactNode, useEffect, useId, useRef } from 'react';
import { IconButton } from './Button';
import './dialog.css';

const FOCUSABLE = '.dialog__body :is(input, select, textarea, button, a[href]):not(:disabled), .dialog__footer button:not(:disabled)';

interface DialogProps {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'small' | 'medium' | 'large' | 'xlarge';
  /** Submitting the dialog's form (Enter in a field) runs this. */
  onSubmit?: () => void;
  /** While a call is in flight, Escape and the close button do nothing. */
  busy?: boolean;
}

/**
 * A modal on the native <dialog>: showModal() makes the rest of the window inert, traps focus
 * and closes on Escape; focus starts on the element marked data-autofocus and goes back where
 * it was when the dialog closes.
 */
export function Dialog({ title, description, onClose, children, footer, size = 'medium', onSubmit, busy = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const closeRef = useRef(onClose);
  const busyRef = useRef(busy);

  useEffect(() => {
    closeRef.current = onClose;
    busyRef.current = busy;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // the field marked data-autofocus, else the first control of the body (never the close button)
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (!busyRef.current) closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      aria-describedby={description === undefined ? undefined : descriptionId}
    >
      <form
        className="dialog__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit?.();
        }}
      >
        <header className="dialog__header">
          <div>
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            {description !== undefined && (
              <p id={descriptionId} className="dialog__description">
                {description}
              </p>
            )}
          </div>
          <IconButton icon="close" label="Close" onClick={onClose} disabled={busy} className="dialog__close" />
        </header>
        <div className="dialog__body">{children}</div>
        {footer !== undefined && <footer className="dialog__footer">{footer}</footer>}
      </form>
    </dialog>
  );
}
