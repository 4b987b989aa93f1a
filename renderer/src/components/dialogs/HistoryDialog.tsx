import { call } from '../../api/rekey';
import type { Secret } from '../../api/types';
import { useDateLocale } from '../../hooks/useDateLocale';
import { useHistory } from '../../hooks/useHistory';
import { useSubmit } from '../../hooks/useSubmit';
import { useToasts } from '../../hooks/useToasts';
import { formatMoment } from '../../lib/dates';
import { Button } from '../common/Button';
import { Callout } from '../common/Callout';
import { Dialog } from '../common/Dialog';
import { Spinner } from '../common/Spinner';
import type { DialogContext } from './OpenDialog';
import '../common/dialog.css';
import './data-table.css';
import './history-dialog.css';

/** Every version of a key, masked, newest first; Undo while the last rotation is in its grace period. */
export function HistoryDialog({ secret, onClose, upsert }: DialogContext & { secret: Secret }) {
  const { history, reload } = useHistory(secret.name);
  const locale = useDateLocale();
  const toasts = useToasts();
  const { busy, error, setError, run } = useSubmit();

  const undo = async () => {
    const result = await run(() => call('undoRotation', { name: secret.name }));
    if (!result.ok) return setError(result.error.message);
    upsert(result.value);
    toasts.show({ tone: 'success', title: `Restored the previous value of ${secret.name}` });
    reload();
  };

  return (
    <Dialog
      title={`History of ${secret.name}`}
      description={`${secret.providerName} · ${secret.envVar}`}
      onClose={onClose}
      busy={busy}
      size="large"
      footer={
        <Button variant="primary" onClick={onClose} data-autofocus>
          Done
        </Button>
      }
    >
      {history.state === 'loading' && (
        <div className="dialog-loading">
          <Spinner label="Loading history" />
        </div>
      )}
      {history.state === 'failed' && <Callout tone="danger">{history.message}</Callout>}
      {history.state === 'ready' && (
        <>
          {history.history.undoableUntil !== null && (
            <div className="undo-banner">
              <div>
                <p className="undo-banner__title">The last rotation can be undone</p>
                <p className="undo-banner__text">
                  Until {formatMoment(history.history.undoableUntil, locale)}, Rekey can bring the previous value back.
                </p>
              </div>
              <Button icon="undo" busy={busy} onClick={() => void undo()}>
                Undo rotation
              </Button>
            </div>
          )}
          <div className="table-frame">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Value</th>
                  <th scope="col">Stored</th>
                  <th scope="col">Retired</th>
                </tr>
              </thead>
              <tbody>
                {[...history.history.versions]
                  .sort((a, b) => b.version - a.version)
                  .map((version) => (
                    <tr key={version.version} className={version.current ? 'is-current' : ''}>
                      <td>
                        <span className="version-number">v{version.version}</span>
                        {version.current && <span className="pill pill--accent">Current</span>}
                      </td>
                      <td>
                        <code className="masked">{version.masked}</code>
                      </td>
                      <td className="nowrap">{formatMoment(version.createdAt, locale)}</td>
                      <td className="nowrap">{version.retiredAt === null ? '—' : formatMoment(version.retiredAt, locale)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {error !== null && <Callout tone="danger">{error}</Callout>}
    </Dialog>
  );
}
