import type { Locale } from 'date-fns';
import { memo, useState } from 'react';
import type { Secret } from '../../api/types';
import { formatDay } from '../../lib/dates';
import { DueBadge } from '../common/DueBadge';
import { ProviderBadge } from '../common/ProviderBadge';
import { RevealedValue } from './RevealedValue';
import { RowActions } from './RowActions';
import './secret-table.css';

interface SecretRowProps {
  secret: Secret;
  index: number;
  top: number;
  tabbable: boolean;
  active: boolean;
  now: Date;
  locale: Locale;
  onActivate: (id: string) => void;
}

/**
 * One key. Shows metadata and the mask only; a revealed value lives in this row's state for
 * ten seconds and is gone when the row scrolls away.
 */
export const SecretRow = memo(function SecretRow({ secret, index, top, tabbable, active, now, locale, onActivate }: SecretRowProps) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const tabIndex = tabbable ? 0 : -1;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-label={secret.name}
      data-index={index}
      tabIndex={tabIndex}
      className={`secret-grid secret-row ${active ? 'is-active' : ''} ${secret.status === 'exposed' ? 'is-exposed' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onFocus={() => onActivate(secret.id)}
    >
      <div role="gridcell" className="col col--name">
        <span className="secret-row__name">
          {secret.name}
          {secret.altered && (
            <span className="altered-badge" title="Changed outside Rekey: its value is refused. `rekey audit verify` says what changed.">
              Altered
            </span>
          )}
        </span>
        <span className="secret-row__env">{secret.envVar}</span>
      </div>
      <div role="gridcell" className="col col--provider">
        <ProviderBadge id={secret.provider} name={secret.providerName} />
      </div>
      <div role="gridcell" className="col col--project">
        {secret.project === '' ? (
          <span className="secret-row__none">—</span>
        ) : (
          <span className="secret-row__project">{secret.project}</span>
        )}
      </div>
      {revealed === null ? (
        <>
          <div role="gridcell" className="col col--value">
            <code className="masked">{secret.masked}</code>
          </div>
          <div role="gridcell" className="col col--last-rotated">
            <time dateTime={secret.rotatedAt}>{formatDay(secret.rotatedAt, locale)}</time>
          </div>
          <div role="gridcell" className="col col--due">
            <DueBadge secret={secret} now={now} locale={locale} />
          </div>
        </>
      ) : (
        <div role="gridcell" className="col col--revealed" aria-colspan={3}>
          <RevealedValue value={revealed} name={secret.name} onExpire={() => setRevealed(null)} />
        </div>
      )}
      <div role="gridcell" className="col col--actions">
        <RowActions secret={secret} tabIndex={tabIndex} revealed={revealed !== null} onRevealed={setRevealed} />
      </div>
    </div>
  );
});
