import type { RefObject } from 'react';
import type { Secret } from '../../api/types';
import type { DialogRequest } from '../../lib/dialog-request';
import type { ListFilters, SortKey } from '../../lib/secret-list';
import { Button } from '../common/Button';
import { Callout } from '../common/Callout';
import { Spinner } from '../common/Spinner';
import { ListMessage } from './ListMessage';
import { ListToolbar } from './ListToolbar';
import { SecretList } from './SecretList';
import { VaultHeader } from './VaultHeader';
import './list-message.css';

const NONE: readonly never[] = [];

function noMatchText(filters: ListFilters): string {
  const narrowed = filters.project !== null || filters.status !== null;
  if (filters.query === '') return 'No keys match these filters.';
  return narrowed ? `Nothing matches “${filters.query}” with these filters.` : `Nothing matches “${filters.query}”.`;
}

interface KeysPaneProps {
  /** Every key loaded so far; null until the first answer. */
  secrets: readonly Secret[] | null;
  /** The keys the filters and search let through, in the chosen order. */
  visible: readonly Secret[];
  /** False while only the first screen of a large vault has arrived. */
  complete: boolean;
  error: string | null;
  filters: ListFilters;
  sort: SortKey;
  searchRef: RefObject<HTMLInputElement | null>;
  onQuery: (query: string) => void;
  onSort: (sort: SortKey) => void;
  onClearFilters: () => void;
  onReload: () => void;
  onOpen: (request: DialogRequest) => void;
  onLock: () => void;
  onSettings: () => void;
  onScan: () => void;
}

/** The keys view: header, search and sort, then the list or what stands in its place. */
export function KeysPane({
  secrets,
  visible,
  complete,
  error,
  filters,
  sort,
  searchRef,
  onQuery,
  onSort,
  onClearFilters,
  onReload,
  onOpen,
  onLock,
  onSettings,
  onScan,
}: KeysPaneProps) {
  const all = secrets ?? NONE;
  return (
    <>
      <VaultHeader
        filters={filters}
        shown={visible.length}
        total={all.length}
        loading={!complete}
        onOpen={onOpen}
        onLock={onLock}
        onSettings={onSettings}
        onScan={onScan}
      />
      <ListToolbar
        searchRef={searchRef}
        query={filters.query}
        onQuery={onQuery}
        sort={sort}
        onSort={onSort}
        filtered={filters.query !== '' || filters.project !== null || filters.status !== null}
        onClearFilters={onClearFilters}
      />
      {secrets !== null && error !== null && (
        <div className="list-notice">
          <Callout tone="danger" title="The list could not be refreshed">
            {error}
          </Callout>
          <Button icon="refresh" onClick={onReload}>
            Try again
          </Button>
        </div>
      )}
      {secrets === null || (!complete && visible.length === 0) ? (
        error !== null ? (
          <ListMessage icon="alertCircle" title="The list could not be loaded" tone="danger">
            <p role="alert">{error}</p>
            <Button icon="refresh" onClick={onReload}>
              Try again
            </Button>
          </ListMessage>
        ) : (
          <div className="list-loading">
            <Spinner label="Loading keys" />
          </div>
        )
      ) : all.length === 0 ? (
        <ListMessage icon="key" title="Your vault is empty">
          <p>Add the API keys you use, or bring in an existing .env file.</p>
          <div className="list-message__actions">
            <Button variant="primary" icon="plus" onClick={() => onOpen({ kind: 'add' })}>
              Add your first key
            </Button>
            <Button icon="import" onClick={() => onOpen({ kind: 'import' })}>
              Import a .env file
            </Button>
          </div>
        </ListMessage>
      ) : visible.length === 0 ? (
        <ListMessage icon="search" title="No keys match">
          <p>{noMatchText(filters)}</p>
          <Button onClick={onClearFilters}>Clear filters</Button>
        </ListMessage>
      ) : (
        <SecretList secrets={visible} />
      )}
    </>
  );
}
