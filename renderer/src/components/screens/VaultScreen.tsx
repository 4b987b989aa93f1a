import { useCallback, useMemo, useRef, useState } from 'react';
import { useAppPoll } from '../../hooks/useAppPoll';
import { useHotkey } from '../../hooks/useHotkey';
import { useScanJob } from '../../hooks/useScanJob';
import { SecretActionsContext, useSecretActions } from '../../hooks/useSecretActions';
import { useSecrets } from '../../hooks/useSecrets';
import type { DialogRequest } from '../../lib/dialog-request';
import { isSearchShortcut } from '../../lib/platform';
import { type ListFilters, NO_FILTERS, type SortKey, countByStatus, filterSecrets, projectCounts, searchText, sortSecrets } from '../../lib/secret-list';
import { Button } from '../common/Button';
import { Callout } from '../common/Callout';
import { Spinner } from '../common/Spinner';
import { OpenDialog } from '../dialogs/OpenDialog';
import { ScanScreen } from '../scan/ScanScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { ListMessage } from '../vault/ListMessage';
import { ListToolbar } from '../vault/ListToolbar';
import { SecretList } from '../vault/SecretList';
import { Sidebar } from '../vault/Sidebar';
import { VaultHeader } from '../vault/VaultHeader';
import './vault-screen.css';
import '../vault/list-message.css';

const NONE: readonly never[] = [];

function noMatchText(filters: ListFilters): string {
  const narrowed = filters.project !== null || filters.status !== null;
  if (filters.query === '') return 'No keys match these filters.';
  return narrowed ? `Nothing matches “${filters.query}” with these filters.` : `Nothing matches “${filters.query}”.`;
}

/** The vault: filters on the left, the searchable list of keys on the right, dialogs on top. */
export function VaultScreen({ path, onLock, onLockedElsewhere }: { path: string; onLock: () => void; onLockedElsewhere: () => void }) {
  const { secrets, complete, error, reload, upsert, remove } = useSecrets();
  const [view, setView] = useState<'keys' | 'settings' | 'scan'>('keys');
  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortKey>('due');
  const [dialog, setDialog] = useState<DialogRequest | null>(null);
  const scan = useScanJob();
  const searchRef = useRef<HTMLInputElement>(null);

  useHotkey(isSearchShortcut, () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  });

  const all = secrets ?? NONE;
  const sorted = useMemo(() => sortSecrets(all, sort), [all, sort]);
  const haystacks = useMemo(() => new Map(all.map((secret) => [secret.id, searchText(secret)])), [all]);
  // Not deferred: filtering 10,000 keys takes a few milliseconds and only the rows in view
  // render, so the list keeps up with each keystroke in the same frame. A deferred query painted
  // the input first and the list a frame or two later (worst keystroke 60 ms instead of 35 ms).
  const visible = useMemo(() => filterSecrets(sorted, haystacks, filters), [sorted, haystacks, filters]);
  const statusCounts = useMemo(() => countByStatus(all, filters.project), [all, filters.project]);
  const projects = useMemo(() => projectCounts(all), [all]);
  const projectNames = useMemo(() => projects.map((entry) => entry.project).filter((project) => project !== ''), [projects]);
  const names = useMemo(() => new Set(all.map((secret) => secret.name)), [all]);

  const open = useCallback((request: DialogRequest) => setDialog(request), []);
  const close = useCallback(() => setDialog(null), []);
  const actions = useSecretActions(upsert, open);
  const clearFilters = useCallback(() => setFilters(NO_FILTERS), []);

  // a clicked notification: show that key, found by its name
  useAppPoll(onLockedElsewhere, (name) => {
    setView('keys');
    setDialog(null);
    setFilters({ ...NO_FILTERS, query: name });
  });

  return (
    <SecretActionsContext.Provider value={actions}>
      <div className="app-shell">
        <Sidebar
          path={path}
          filters={filters}
          statusCounts={statusCounts}
          projects={projects}
          loading={!complete}
          onFilter={(change) => {
            setView('keys');
            setFilters((current) => ({ ...current, ...change }));
          }}
        />
        {view === 'settings' ? (
          <main className="workspace" aria-label="Settings">
            <SettingsScreen onBack={() => setView('keys')} />
          </main>
        ) : view === 'scan' ? (
          <main className="workspace" aria-label="Scan a folder">
            <ScanScreen scan={scan.state} onStart={(options) => void scan.start(options)} onBack={() => setView('keys')} secrets={all} onOpen={open} />
          </main>
        ) : (
        <main className="workspace" aria-label="Keys">
          <VaultHeader
            filters={filters}
            shown={visible.length}
            total={all.length}
            loading={!complete}
            onOpen={open}
            onLock={onLock}
            onSettings={() => setView('settings')}
            onScan={() => setView('scan')}
          />
          <ListToolbar
            searchRef={searchRef}
            query={filters.query}
            onQuery={(value) => setFilters((current) => ({ ...current, query: value }))}
            sort={sort}
            onSort={setSort}
            filtered={filters.query !== '' || filters.project !== null || filters.status !== null}
            onClearFilters={clearFilters}
          />
          {secrets !== null && error !== null && (
            <div className="list-notice">
              <Callout tone="danger" title="The list could not be refreshed">
                {error}
              </Callout>
              <Button icon="refresh" onClick={reload}>
                Try again
              </Button>
            </div>
          )}
          {secrets === null || (!complete && visible.length === 0) ? (
            error !== null ? (
              <ListMessage icon="alertCircle" title="The list could not be loaded" tone="danger">
                <p role="alert">{error}</p>
                <Button icon="refresh" onClick={reload}>
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
                <Button variant="primary" icon="plus" onClick={() => open({ kind: 'add' })}>
                  Add your first key
                </Button>
                <Button icon="import" onClick={() => open({ kind: 'import' })}>
                  Import a .env file
                </Button>
              </div>
            </ListMessage>
          ) : visible.length === 0 ? (
            <ListMessage icon="search" title="No keys match">
              <p>{noMatchText(filters)}</p>
              <Button onClick={clearFilters}>Clear filters</Button>
            </ListMessage>
          ) : (
            <SecretList secrets={visible} />
          )}
        </main>
        )}
      </div>
      {dialog !== null && (
        <OpenDialog
          request={dialog}
          onClose={close}
          names={names}
          projects={projectNames}
          currentProject={filters.project}
          upsert={upsert}
          remove={remove}
          reload={reload}
        />
      )}
    </SecretActionsContext.Provider>
  );
}
