import { useId, useState } from 'react';
import { call } from '../../api/rekey';
import type { ImportPreview, ImportRow } from '../../api/types';
import { useSubmit } from '../../hooks/useSubmit';
import { useToasts } from '../../hooks/useToasts';
import { Callout } from '../common/Callout';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { Field } from '../common/Field';
import { Icon } from '../common/Icon';
import { shortProviderName } from '../common/ProviderBadge';
import type { DialogContext } from './OpenDialog';
import '../common/dialog.css';
import '../common/field.css';
import './data-table.css';

/**
 * Import a .env file: main shows the open dialog and answers with a masked preview; nothing is
 * stored until Import, and then all or nothing.
 */
export function ImportDialog({ onClose, projects, currentProject, reload }: DialogContext) {
  const toasts = useToasts();
  const projectListId = useId();
  const [project, setProject] = useState(currentProject ?? '');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const { busy, error, setError, run } = useSubmit();

  const choose = async () => {
    const trimmed = project.trim();
    const result = await run(() => call('chooseImport', trimmed === '' ? {} : { project: trimmed }));
    if (!result.ok) return setError(result.error.message);
    if (result.value.preview !== null) setPreview(result.value.preview);
  };

  const apply = async () => {
    if (preview === null) return;
    const result = await run(() => call('applyImport', { token: preview.token }));
    if (!result.ok) return setError(result.error.message);
    reload();
    toasts.show({
      tone: 'success',
      title: `Imported ${result.value.imported} ${result.value.imported === 1 ? 'key' : 'keys'}`,
      detail: preview.path,
    });
    onClose();
  };

  const blocked = preview?.rows.filter((row) => row.problem !== null).length ?? 0;

  return (
    <Dialog
      title="Import a .env file"
      description="Bring keys in from an existing .env file. You’ll see a masked preview before anything is stored."
      onClose={onClose}
      busy={busy}
      size="xlarge"
      onSubmit={() => void (preview === null ? choose() : preview.importable && preview.rows.length > 0 ? apply() : undefined)}
      footer={
        preview === null ? (
          <DialogActions busy={busy} onBack={onClose} icon="file">
            Choose file…
          </DialogActions>
        ) : (
          <DialogActions
            busy={busy}
            onBack={() => setPreview(null)}
            backLabel="Choose another file"
            icon="import"
            disabled={!preview.importable || preview.rows.length === 0}
          >
            Import {preview.rows.length} {preview.rows.length === 1 ? 'key' : 'keys'}
          </DialogActions>
        )
      }
    >
      {preview === null ? (
        <>
          <Field label="Into project" optional hint="Inside a project, each key is named PROJECT/VAR, so projects can share env var names.">
            <input
              className="input"
              value={project}
              list={projectListId}
              placeholder="None"
              spellCheck={false}
              autoComplete="off"
              data-autofocus
              onChange={(event) => setProject(event.target.value)}
            />
          </Field>
          <datalist id={projectListId}>
            {projects.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </>
      ) : (
        <>
          <div className="import-source">
            <Icon name="file" />
            <code className="path">{preview.path}</code>
          </div>
          <p className="dialog-text">
            {preview.rows.length} {preview.rows.length === 1 ? 'key' : 'keys'} found
            {preview.ignoredLines.length > 0 &&
              ` · ${preview.ignoredLines.length} ${preview.ignoredLines.length === 1 ? 'line' : 'lines'} ignored (${preview.ignoredLines.map((line) => `line ${line}`).join(', ')})`}
          </p>
          {blocked > 0 && (
            <Callout tone="danger" title={`${blocked} ${blocked === 1 ? 'key clashes' : 'keys clash'}, so nothing can be imported yet`}>
              Rename or remove the clashing keys in the vault, or import into another project.
            </Callout>
          )}
          {preview.rows.length === 0 && <Callout tone="info">This file holds no keys.</Callout>}
          {preview.rows.length > 0 && (
            <div className="table-frame">
              <table className="data-table data-table--compact" aria-label="Import preview">
                <thead>
                  <tr>
                    <th scope="col">Variable</th>
                    <th scope="col">Provider</th>
                    <th scope="col">Value</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.envVar} className={row.problem !== null ? 'has-problem' : ''}>
                      <td>
                        <code className="env">{row.envVar}</code>
                        <span className="data-table__sub">stored as {row.name}</span>
                      </td>
                      <td className="nowrap">{shortProviderName(row.providerName)}</td>
                      <td>
                        <code className="masked">{row.masked}</code>
                      </td>
                      <td>
                        <ImportRowStatus row={row} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {error !== null && <Callout tone="danger">{error}</Callout>}
    </Dialog>
  );
}

function ImportRowStatus({ row }: { row: ImportRow }) {
  if (row.problem !== null) {
    return (
      <span className="row-status row-status--problem">
        <Icon name="alertCircle" size={14} />
        {row.problem}
      </span>
    );
  }
  if (row.warning !== null) {
    return (
      <span className="row-status row-status--warning">
        <Icon name="warning" size={14} />
        {row.warning}
      </span>
    );
  }
  if (row.sameValueAs.length > 0) {
    return (
      <span className="row-status row-status--warning">
        <Icon name="warning" size={14} />
        Same value as {row.sameValueAs.join(', ')}
      </span>
    );
  }
  return (
    <span className="row-status row-status--ok">
      <Icon name="check" size={14} />
      Ready
    </span>
  );
}
