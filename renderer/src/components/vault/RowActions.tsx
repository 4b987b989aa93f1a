import { useState } from 'react';
import type { Secret } from '../../api/types';
import { useRowActions } from '../../hooks/useSecretActions';
import { IconButton } from '../common/Button';
import { type MenuItem, MenuButton } from '../common/MenuButton';
import './secret-table.css';

interface RowActionsProps {
  secret: Secret;
  tabIndex: number;
  revealed: boolean;
  onRevealed: (value: string | null) => void;
}

/** Copy, Reveal/Hide and Rotate at hand; everything else in the row's menu. */
export function RowActions({ secret, tabIndex, revealed, onRevealed }: RowActionsProps) {
  const actions = useRowActions();
  const [revealing, setRevealing] = useState(false);
  const exposed = secret.status === 'exposed';
  const menu: MenuItem[] = [
    { label: 'Edit details…', icon: 'pencil', onSelect: () => actions.open({ kind: 'edit', secret }) },
    { label: 'History…', icon: 'history', onSelect: () => actions.open({ kind: 'history', secret }) },
    { label: 'Reminders…', icon: 'bell', onSelect: () => actions.open({ kind: 'reminders', secret }) },
    exposed
      ? { label: 'Clear exposed', icon: 'shieldCheck', onSelect: () => actions.toggleExposed(secret) }
      : { label: 'Mark as exposed', icon: 'shieldAlert', onSelect: () => actions.toggleExposed(secret) },
    { label: 'Delete…', icon: 'trash', tone: 'danger', onSelect: () => actions.open({ kind: 'delete', secret }) },
  ];

  const toggleReveal = async () => {
    if (revealed) return onRevealed(null);
    setRevealing(true);
    const value = await actions.reveal(secret);
    setRevealing(false);
    if (value !== null) onRevealed(value);
  };

  return (
    <div className="row-actions">
      <IconButton icon="copy" label={`Copy ${secret.name}`} tabIndex={tabIndex} onClick={() => actions.copy(secret)} />
      <IconButton
        icon={revealed ? 'eyeOff' : 'eye'}
        label={revealed ? `Hide ${secret.name}` : `Reveal ${secret.name}`}
        tone={revealed ? 'active' : 'default'}
        tabIndex={tabIndex}
        aria-pressed={revealed}
        disabled={revealing}
        onClick={() => void toggleReveal()}
      />
      <IconButton
        icon="rotate"
        label={`Rotate ${secret.name}`}
        tone={exposed || secret.status === 'overdue' ? 'danger' : 'default'}
        tabIndex={tabIndex}
        onClick={() => actions.open({ kind: 'rotate', secret })}
      />
      <MenuButton label={`More actions for ${secret.name}`} items={menu} tabIndex={tabIndex} />
    </div>
  );
}
