import { useEffect, useState } from 'react';
import { call } from '../../api/rekey';
import type { KeyReminders, Secret } from '../../api/types';
import { useDateLocale } from '../../hooks/useDateLocale';
import { useSubmit } from '../../hooks/useSubmit';
import { useToasts } from '../../hooks/useToasts';
import { formatMoment } from '../../lib/dates';
import { Callout } from '../common/Callout';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { Field } from '../common/Field';
import { Spinner } from '../common/Spinner';
import type { DialogContext } from './OpenDialog';
import '../common/field.css';
import '../settings/settings.css';

type Snooze = 'keep' | 'none' | '1d' | '1w';

/** One key's reminders: snooze them for a day or a week, or give it its own lead time. */
export function RemindersDialog({ secret, onClose }: DialogContext & { secret: Secret }) {
  const toasts = useToasts();
  const locale = useDateLocale();
  const [current, setCurrent] = useState<KeyReminders | null>(null);
  const [snooze, setSnooze] = useState<Snooze>('keep');
  const [lead, setLead] = useState('');
  const { busy, error, setError, run } = useSubmit<{ field: 'lead' | null; message: string }>();

  useEffect(() => {
    let live = true;
    void call('keyReminders', { name: secret.name }).then((result) => {
      if (!live) return;
      if (!result.ok) return setError({ field: null, message: result.error.message });
      setCurrent(result.value);
      setLead(result.value.leadDays === null ? '' : String(result.value.leadDays));
    });
    return () => {
      live = false;
    };
  }, [secret.name, setError]);

  const submit = async () => {
    const text = lead.trim();
    const leadDays = text === '' ? null : /^\d+$/.test(text) ? Number(text) : NaN;
    if (Number.isNaN(leadDays))
      return setError({ field: 'lead', message: 'The lead time must be a whole number of days, or empty for the default.' });
    const result = await run(() => call('setKeyReminders', { name: secret.name, leadDays, ...(snooze === 'keep' ? {} : { snooze }) }));
    if (!result.ok) {
      const onLead = result.error.message.startsWith('Invalid request: leadDays: ');
      return setError({ field: onLead ? 'lead' : null, message: result.error.message.replace(/^Invalid request: leadDays: /, '') });
    }
    toasts.show({
      tone: 'success',
      title:
        result.value.snoozedUntil === null
          ? `Reminders for ${secret.name} saved`
          : `Reminders for ${secret.name} snoozed until ${formatMoment(result.value.snoozedUntil, locale)}`,
    });
    onClose();
  };

  return (
    <Dialog
      title={`Reminders for ${secret.name}`}
      description="Notices come when the key enters its lead time, on its due day, and then regularly while it is overdue."
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      footer={
        <DialogActions busy={busy} onBack={onClose} icon="check" disabled={current === null}>
          Save
        </DialogActions>
      }
    >
      {current === null ? (
        error === null ? (
          <Spinner label="Loading reminders" />
        ) : (
          <Callout tone="danger">{error.message}</Callout>
        )
      ) : (
        <div className="form-stack">
          <fieldset className="choice-group">
            <legend className="field__label">Snooze</legend>
            <p className="field__hint">
              {current.snoozedUntil === null ? 'Not snoozed.' : `Snoozed until ${formatMoment(current.snoozedUntil, locale)}.`} Marking a
              key as exposed is always told at once.
            </p>
            {(
              [
                ['keep', current.snoozedUntil === null ? 'Don’t snooze' : 'Keep as it is'],
                ['1d', 'For 1 day'],
                ['1w', 'For 1 week'],
                ...(current.snoozedUntil === null ? [] : [['none', 'End the snooze']]),
              ] as Array<[Snooze, string]>
            ).map(([choice, label]) => (
              <label key={choice} className="choice">
                <input
                  type="radio"
                  name="snooze"
                  value={choice}
                  checked={snooze === choice}
                  onChange={() => setSnooze(choice)}
                  data-autofocus={choice === 'keep' || undefined}
                />
                {label}
              </label>
            ))}
          </fieldset>
          <Field
            label="Lead time for this key"
            hint="Days before the due date for the first notice. Empty: the default from Settings."
            error={error?.field === 'lead' ? error.message : null}
          >
            <input
              className="input settings-number"
              inputMode="numeric"
              value={lead}
              onChange={(event) => setLead(event.target.value)}
              placeholder="Default"
            />
          </Field>
          {error !== null && error.field === null && <Callout tone="danger">{error.message}</Callout>}
        </div>
      )}
    </Dialog>
  );
}
