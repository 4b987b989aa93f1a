import { useCallback, useMemo, useRef, useState } from 'react';
import { useAppPoll } from '../../hooks/useAppPoll';
import { useHotkey } from '../../hooks/useHotkey';
import { useScanJob } from '../../hooks/useScanJob';
import { SecretActionsContext, useSecretActions } from '../../hooks/useSecretActions';
import { useSecrets } from '../../hooks/useSecrets';
import type { DialogRequest } from '../../lib/dialog-request';
import { isSearchShortcut } from '../../lib/platform';
import {
  type ListFilters,
  NO_FILTERS,
  type SortKey,
  countByStatus,
  filterSecrets,
  projectCounts,
  searchText,
  sortSecrets,
} from '../../lib/secret-list';
import { OpenDialog } from '../dialogs/OpenDialog';
import { ScanScreen } from '../scan/ScanScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { KeysPane } from '../vault/KeysPane';
import { Sidebar } from '../vault/Sidebar';
import './vault-screen.css';

const NONE: readonly never[] = [];

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
            <ScanScreen
              scan={scan.state}
              onStart={(options) => void scan.start(options)}
              onBack={() => setView('keys')}
              secrets={all}
              onOpen={open}
            />
          </main>
        ) : (
          <main className="workspace" aria-label="Keys">
            <KeysPane
              secrets={secrets}
              visible={visible}
              complete={complete}
              error={error}
              filters={filters}
              sort={sort}
              searchRef={searchRef}
              onQuery={(value) => setFilters((current) => ({ ...current, query: value }))}
              onSort={setSort}
              onClearFilters={clearFilters}
              onReload={reload}
              onOpen={open}
              onLock={onLock}
              onSettings={() => setView('settings')}
              onScan={() => setView('scan')}
            />
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
