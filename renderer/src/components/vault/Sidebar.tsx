import type { ReactNode } from 'react';
import type { RotationStatus } from '../../api/types';
import type { ListFilters, StatusCounts } from '../../lib/secret-list';
import { AppMark } from '../common/AppMark';
import { Icon, type IconName } from '../common/Icon';
import './sidebar.css';

const STATUSES: ReadonlyArray<{ status: RotationStatus; label: string }> = [
  { status: 'exposed', label: 'Exposed' },
  { status: 'overdue', label: 'Overdue' },
  { status: 'due-soon', label: 'Due soon' },
  { status: 'ok', label: 'Up to date' },
];

interface SidebarProps {
  path: string;
  filters: ListFilters;
  statusCounts: StatusCounts;
  projects: ReadonlyArray<{ project: string; count: number }>;
  /** Only the first screen of rows has arrived: counts from it would be wrong, so none are shown. */
  loading: boolean;
  onFilter: (change: Partial<Pick<ListFilters, 'project' | 'status'>>) => void;
}

/** Filters by status and by project; each group is a set of toggle buttons with counts. */
export function Sidebar({ path, filters, statusCounts, projects, loading, onFilter }: SidebarProps) {
  const shown = (count: number) => (loading ? undefined : count);
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <AppMark />
        <span className="sidebar__name">Rekey</span>
      </div>
      <nav className="sidebar__nav" aria-label="Filters">
        <FilterGroup label="Status">
          <FilterItem
            icon="layers"
            label="All keys"
            count={shown(statusCounts.all)}
            pressed={filters.status === null}
            onClick={() => onFilter({ status: null })}
          />
          {STATUSES.map(({ status, label }) => (
            <FilterItem
              key={status}
              dot={status}
              label={label}
              count={shown(statusCounts[status])}
              pressed={filters.status === status}
              onClick={() => onFilter({ status: filters.status === status ? null : status })}
            />
          ))}
        </FilterGroup>
        <FilterGroup label="Projects">
          <FilterItem icon="folder" label="All projects" pressed={filters.project === null} onClick={() => onFilter({ project: null })} />
          {projects.map(({ project, count }) => (
            <FilterItem
              key={project}
              label={project === '' ? 'No project' : project}
              muted={project === ''}
              count={shown(count)}
              pressed={filters.project === project}
              onClick={() => onFilter({ project: filters.project === project ? null : project })}
            />
          ))}
        </FilterGroup>
      </nav>
      <footer className="sidebar__footer">
        <span className="sidebar__lock">
          <Icon name="lock" size={14} />
          Encrypted · OS keychain
        </span>
        <span className="sidebar__path" title={path}>
          <bdi>{path}</bdi>
        </span>
      </footer>
    </aside>
  );
}

function FilterGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="filter-group" role="group" aria-label={label}>
      <h2 className="filter-group__label">{label}</h2>
      <ul className="filter-group__items">{children}</ul>
    </div>
  );
}

interface FilterItemProps {
  label: string;
  pressed: boolean;
  onClick: () => void;
  count?: number | undefined;
  icon?: IconName;
  dot?: RotationStatus;
  muted?: boolean;
}

function FilterItem({ label, pressed, onClick, count, icon, dot, muted = false }: FilterItemProps) {
  return (
    <li>
      <button type="button" className={`filter-item ${muted ? 'filter-item--muted' : ''}`} aria-pressed={pressed} onClick={onClick}>
        {icon !== undefined && <Icon name={icon} className="filter-item__icon" />}
        {dot !== undefined && <span className={`status-dot status-dot--${dot}`} aria-hidden="true" />}
        {icon === undefined && dot === undefined && (
          <span className="filter-item__hash" aria-hidden="true">
            #
          </span>
        )}
        <span className="filter-item__label">{label}</span>
        {count !== undefined && <span className="filter-item__count">{count.toLocaleString()}</span>}
      </button>
    </li>
  );
}
