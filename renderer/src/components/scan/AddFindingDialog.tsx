import { useState } from 'react';
import { call } from '../../api/rekey';
import type { ScanFinding } from '../../api/types';
import { useSubmit } from '../../hooks/useSubmit';
import { useToasts } from '../../hooks/useToasts';
import { findingPlace } from '../../lib/scan-groups';
import { Callout } from '../common/Callout';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { Field } from '../common/Field';
import { ProviderBadge } from '../common/ProviderBadge';
import type { DialogContext } from '../dialogs/OpenDialog';
import '../common/field.css';
import './scan.css';

function suggestedName(finding: ScanFinding, taken: ReadonlySet<string>, project: string): string {
  const base = `${project === '' ? '' : `${project}/`}${finding.providerId}-key`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** "Add to vault" for a key the scan found: main still holds its value, so only a name is asked for. */
export function AddFindingDialog({
  onClose,
  names,
  currentProject,
  upsert,
  jobId,
  finding,
}: DialogContext & { jobId: string; finding: ScanFinding }) {
  const toasts = useToasts();
  const [project, setProject] = useState(currentProject ?? '');
  const [name, setName] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const shownName = name ?? suggestedName(finding, names, project);

  const submit = async () => {
    const result = await run(() =>
      call('addScanFinding', { jobId, findingId: finding.id, name: shownName.trim(), project: project.trim() }),
    );
    if (!result.ok) return setError(result.error.message);
    upsert(result.value.secret);
    toasts.show({
      tone: 'success',
      title: `Added ${result.value.secret.name}`,
      detail: 'It is in your vault now. Rotate it if this file was shared.',
    });
    for (const warning of result.value.warnings) toasts.show({ tone: 'warning', title: 'Added, with a warning', detail: warning });
    onClose();
  };

  return (
    <Dialog
      title="Add this key to your vault"
      description={<bdi className="mono">{findingPlace(finding)}</bdi>}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      size="small"
      footer={
        <DialogActions busy={busy} onBack={onClose} icon="plus">
          Add key
        </DialogActions>
      }
    >
      <p className="add-finding__key">
        <ProviderBadge id={finding.providerId} name={finding.providerName} />
        <span className="masked">{finding.masked}</span>
      </p>
      <Field label="Name" hint="Letters, digits and . _ - / @ :">
        <input
          className="input"
          value={shownName}
          data-autofocus
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <Field label="Project" optional>
        <input
          className="input"
          value={project}
          spellCheck={false}
          autoComplete="off"
          placeholder="None"
          onChange={(event) => setProject(event.target.value)}
        />
      </Field>
      {error !== null && <Callout tone="danger">{error}</Callout>}
    </Dialog>
  );
}
