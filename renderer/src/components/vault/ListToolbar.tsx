import type { RefObject } from 'react';
import { searchShortcutLabel } from '../../lib/platform';
import type { SortKey } from '../../lib/secret-list';
import { Icon } from '../common/Icon';
import '../common/button.css';
import './list-toolbar.css';

interface ListToolbarProps {
  searchRef: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery: (query: string) => void;
  sort: SortKey;
  onSort: (sort: SortKey) => void;
  filtered: boolean;
  onClearFilters: () => void;
}

/** Search (Ctrl/Cmd+K) and sort for the list. */
export function ListToolbar({ searchRef, query, onQuery, sort, onSort, filtered, onClearFilters }: ListToolbarProps) {
  return (
    <div className="list-toolbar">
      <div className="search">
        <Icon name="search" className="search__icon" />
        <input
          ref={searchRef}
          type="search"
          className="search__input"
          placeholder="Search by name, env var, project or provider"
          aria-label="Search keys"
          aria-keyshortcuts={searchShortcutLabel === '⌘K' ? 'Meta+K' : 'Control+K'}
          value={query}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query !== '') {
              event.preventDefault();
              onQuery('');
            }
          }}
        />
        <kbd className="search__kbd" aria-hidden="true">
          {searchShortcutLabel}
        </kbd>
      </div>
      {filtered && (
        <button type="button" className="link-btn" onClick={onClearFilters}>
          Clear filters
        </button>
      )}
      <label className="sort">
        <Icon name="sort" className="sort__icon" />
        <span className="visually-hidden">Sort by</span>
        <select className="sort__select" value={sort} onChange={(event) => onSort(event.target.value === 'name' ? 'name' : 'due')}>
          <option value="due">Due date</option>
          <option value="name">Name</option>
        </select>
        <Icon name="chevronDown" className="sort__chevron" />
      </label>
    </div>
  );
}
