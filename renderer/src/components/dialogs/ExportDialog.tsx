import { useState } from 'react';
import { call } from '../../api/rekey';
import type { ExportFormat, ExportSaved } from '../../api/types';
import { useExportPreview } from '../../hooks/useExportPreview';
import { useSubmit } from '../../hooks/useSubmit';
import { Button } from '../common/Button';
import { Callout } from '../common/Callout';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { Field } from '../common/Field';
import { Spinner } from '../common/Spinner';
import type { DialogContext } from './OpenDialog';
import '../common/dialog.css';
import '../common/field.css';
import './data-table.css';
import './export-dialog.css';

const FORMATS: ReadonlyArray<{ format: ExportFormat; label: string; file: string; text: string }> = [
  { format: 'dotenv', label: '.env', file: '.env', text: 'Portable: dotenv, python-dotenv, Compose' },
  { format: 'shell', label: 'Shell', file: 'export NAME=…', text: 'export lines, safe to source' },
  { format: 'json', label: 'JSON', file: '{ "NAME": … }', text: 'One object, names to values' },
];

const PREVIEW_ROWS = 200;
const ALL = '\u0000all';

/** Pick what and how, see it masked (or why it cannot be written), then save through main's dialog. */
export function ExportDialog({ onClose, projects, currentProject }: DialogContext) {
  // the picker offers named projects; "no project" as the list filter exports everything
  const [project, setProject] = useState<string | null>(currentProject === '' ? null : currentProject);
  const [format, setFormat] = useState<ExportFormat>('dotenv');
  const { busy, error, setError, run } = useSubmit();
  const [saved, setSaved] = useState<ExportSaved | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const preview = useExportPreview(project, format);

  const save = async () => {
    setCancelled(false);
    const result = await run(() => call('saveExport', project === null ? { format } : { format, project }));
    if (!result.ok) return setError(result.error.message);
    if (result.value.path === null) return setCancelled(true);
    setSaved(result.value);
  };

  if (saved !== null && saved.path !== null) {
    return (
      <Dialog
        title="Export saved"
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose} data-autofocus>
            Done
          </Button>
        }
      >
        <Callout tone="success" title={`Saved ${saved.count} ${saved.count === 1 ? 'key' : 'keys'}`}>
          <code className="path">{saved.path}</code>
        </Callout>
        {saved.warning !== null && (
          <Callout tone="warning" title="Careful with git">
            {saved.warning}
          </Callout>
        )}
        <p className="dialog-text">The file is readable by you only (mode 0600). Delete it when you no longer need it.</p>
      </Dialog>
    );
  }

  const rows = preview.state === 'ready' ? preview.preview.rows : [];
  const refusal = preview.state === 'ready' ? preview.preview.refusal : null;
  const canSave = preview.state === 'ready' && refusal === null && rows.length > 0;

  return (
    <Dialog
      title="Export keys"
      description="Write keys to a file for a project or a tool. You choose where in the next step."
      onClose={onClose}
      busy={busy}
      size="large"
      onSubmit={() => canSave && void save()}
      footer={
        <DialogActions busy={busy} onBack={onClose} icon="export" disabled={!canSave}>
          Save…
        </DialogActions>
      }
    >
      <div className="export-options">
        <Field label="Keys">
          <select
            className="input select"
            data-autofocus
            value={project ?? ALL}
            onChange={(event) => setProject(event.target.value === ALL ? null : event.target.value)}
          >
            <option value={ALL}>All keys</option>
            {projects.map((name) => (
              <option key={name} value={name}>
                Project {name}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="segmented">
          <legend className="field__label">Format</legend>
          <div className="segmented__options">
            {FORMATS.map((option) => (
              <label key={option.format} className={`segmented__option ${format === option.format ? 'is-checked' : ''}`}>
                <input
                  type="radio"
                  name="export-format"
                  value={option.format}
                  checked={format === option.format}
                  onChange={() => setFormat(option.format)}
                />
                <span className="segmented__label">{option.label}</span>
                <span className="segmented__text">{option.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {preview.state === 'loading' && (
        <div className="dialog-loading">
          <Spinner label="Preparing the preview" />
        </div>
      )}
      {preview.state === 'failed' && <Callout tone="danger">{preview.message}</Callout>}
      {refusal !== null && (
        <Callout tone="danger" title="This export can’t be written">
          {refusal}
        </Callout>
      )}
      {preview.state === 'ready' && rows.length === 0 && <Callout tone="info">There are no keys to export here.</Callout>}
      {rows.length > 0 && (
        <div className="table-frame" aria-label="Export preview">
          <table className="data-table data-table--compact">
            <caption className="data-table__caption">
              {rows.length.toLocaleString()} {rows.length === 1 ? 'key' : 'keys'}, values masked
            </caption>
            <thead>
              <tr>
                <th scope="col">Env var</th>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, PREVIEW_ROWS).map((row) => (
                <tr key={row.name}>
                  <td>
                    <code className="env">{row.envVar}</code>
                  </td>
                  <td>{row.name}</td>
                  <td>
                    <code className="masked">{row.masked}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > PREVIEW_ROWS && <p className="table-frame__more">and {(rows.length - PREVIEW_ROWS).toLocaleString()} more</p>}
        </div>
      )}
      {cancelled && <p className="dialog-text dialog-text--muted">Nothing was saved.</p>}
      {error !== null && <Callout tone="danger">{error}</Callout>}
    </Dialog>
  );
}
