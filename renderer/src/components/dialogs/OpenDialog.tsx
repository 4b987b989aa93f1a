import type { Secret } from '../../api/types';
import type { DialogRequest } from '../../lib/dialog-request';
import { BackupDialog } from '../backup/BackupDialog';
import { AddFindingDialog } from '../scan/AddFindingDialog';
import { AddSecretDialog } from './AddSecretDialog';
import { DeleteSecretDialog } from './DeleteSecretDialog';
import { EditSecretDialog } from './EditSecretDialog';
import { ExportDialog } from './ExportDialog';
import { HistoryDialog } from './HistoryDialog';
import { ImportDialog } from './ImportDialog';
import { RemindersDialog } from './RemindersDialog';
import { RotateDialog } from './RotateDialog';

export interface DialogContext {
  onClose: () => void;
  /** Names in the vault, for unique name suggestions. */
  names: ReadonlySet<string>;
  /** Existing project names, for pickers. */
  projects: readonly string[];
  /** The project the list is filtered to, as the default for new keys. */
  currentProject: string | null;
  upsert: (secret: Secret) => void;
  remove: (id: string) => void;
  reload: () => void;
}

export function OpenDialog({ request, ...context }: DialogContext & { request: DialogRequest }) {
  switch (request.kind) {
    case 'add':
      return <AddSecretDialog {...context} />;
    case 'export':
      return <ExportDialog {...context} />;
    case 'import':
      return <ImportDialog {...context} />;
    case 'backup':
      return <BackupDialog onClose={context.onClose} />;
    case 'rotate':
      return <RotateDialog {...context} secret={request.secret} />;
    case 'edit':
      return <EditSecretDialog {...context} secret={request.secret} />;
    case 'history':
      return <HistoryDialog {...context} secret={request.secret} />;
    case 'reminders':
      return <RemindersDialog {...context} secret={request.secret} />;
    case 'delete':
      return <DeleteSecretDialog {...context} secret={request.secret} />;
    case 'add-finding':
      return <AddFindingDialog {...context} jobId={request.jobId} finding={request.finding} />;
  }
}
