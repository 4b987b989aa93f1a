import type { DialogRequest } from '../../lib/dialog-request';
import type { ListFilters } from '../../lib/secret-list';
import { Button, IconButton } from '../common/Button';
import { MenuButton } from '../common/MenuButton';
import './vault-header.css';

const STATUS_TITLES = { ok: 'Up to date', 'due-soon': 'Due soon', overdue: 'Overdue', exposed: 'Exposed' } as const;

function titleFor(filters: ListFilters): string {
  const status = filters.status === null ? null : STATUS_TITLES[filters.status];
  const project = filters.project === null ? null : filters.project === '' ? 'No project' : filters.project;
  if (status !== null && project !== null) return `${project} · ${status}`;
  return project ?? status ?? 'All keys';
}

/** The title of what is shown, how many keys match, and the vault-wide actions. */
export function VaultHeader({
  filters,
  shown,
  total,
  loading,
  onOpen,
  onSettings,
  onLock,
  onScan,
}: {
  filters: ListFilters;
  shown: number;
  total: number;
  /** Only the first screen of rows has arrived: the counts are not known yet. */
  loading: boolean;
  onOpen: (request: DialogRequest) => void;
  onSettings: () => void;
  onLock: () => void;
  onScan: () => void;
}) {
  return (
    <header className="vault-header">
      <div className="vault-header__title">
        <h1>{titleFor(filters)}</h1>
        <p className="vault-header__count" aria-live="polite">
          {loading
            ? 'Loading keys…'
            : shown === total
              ? `${total.toLocaleString()} ${total === 1 ? 'key' : 'keys'}`
              : `${shown.toLocaleString()} of ${total.toLocaleString()} keys`}
        </p>
      </div>
      <div className="vault-header__actions">
        <IconButton icon="lock" label="Lock" onClick={onLock} />
        <IconButton icon="sliders" label="Settings" onClick={onSettings} />
        <Button icon="search" onClick={onScan} disabled={total === 0}>
          Scan a folder
        </Button>
        <Button icon="import" onClick={() => onOpen({ kind: 'import' })}>
          Import
        </Button>
        <Button icon="export" onClick={() => onOpen({ kind: 'export' })} disabled={total === 0}>
          Export
        </Button>
        <Button variant="primary" icon="plus" onClick={() => onOpen({ kind: 'add' })}>
          Add key
        </Button>
        <MenuButton
          label="Vault actions"
          items={[{ label: 'Back up vault…', icon: 'shieldCheck', onSelect: () => onOpen({ kind: 'backup' }) }]}
        />
      </div>
    </header>
  );
}
