import type { ReactNode } from 'react';
import { Button } from './Button';
import type { IconName } from './Icon';

interface DialogActionsProps {
  busy: boolean;
  /** The way back: Cancel (closing the dialog) unless the dialog offers another step back. */
  onBack: () => void;
  backLabel?: string;
  /** The submit button's label; it submits the dialog's form. */
  children: ReactNode;
  icon?: IconName | undefined;
  variant?: 'primary' | 'danger';
  disabled?: boolean | undefined;
}

/** The footer most dialogs share: a way back, then the primary action that submits the form. */
export function DialogActions({ busy, onBack, backLabel = 'Cancel', children, icon, variant = 'primary', disabled }: DialogActionsProps) {
  return (
    <>
      <Button onClick={onBack} disabled={busy}>
        {backLabel}
      </Button>
      <Button type="submit" variant={variant} icon={icon} busy={busy} disabled={disabled}>
        {children}
      </Button>
    </>
  );
}
