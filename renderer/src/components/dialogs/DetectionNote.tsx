import type { Detection } from '../../hooks/useDetect';
import { Icon } from '../common/Icon';
import { ProviderBadge } from '../common/ProviderBadge';
import { Spinner } from '../common/Spinner';
import './detection.css';

/**
 * What main made of a pasted value: the provider, the mask, and any format doubt. `checked`
 * means the value was checked against a known provider (rotate, or a provider picked in Add).
 */
export function DetectionNote({ detection, checked }: { detection: Detection; checked: boolean }) {
  switch (detection.state) {
    case 'idle':
      return null;
    case 'pending':
      return (
        <div className="detection detection--pending" aria-live="polite">
          <Spinner label="Checking the format" />
          <span>Checking the format…</span>
        </div>
      );
    case 'failed':
      return (
        <div className="detection detection--error" role="alert">
          <Icon name="alertCircle" />
          <span>{detection.message}</span>
        </div>
      );
    case 'done': {
      const { provider, masked, warning } = detection.result;
      const generic = provider.id === 'generic';
      return (
        <div
          className={`detection ${warning !== null ? 'detection--warning' : generic ? 'detection--neutral' : 'detection--ok'}`}
          aria-live="polite"
        >
          <div className="detection__head">
            <Icon name={warning !== null ? 'warning' : generic ? 'info' : 'circleCheck'} />
            <span className="detection__verdict">
              {warning !== null
                ? `Doesn’t look like a${/^[AEIOU]/i.test(provider.displayName) ? 'n' : ''} ${provider.displayName} key`
                : generic
                  ? 'No known key format: it will be stored as a generic secret'
                  : checked
                    ? `Looks like a valid ${provider.displayName} key`
                    : `Detected a${/^[AEIOU]/i.test(provider.displayName) ? 'n' : ''} ${provider.displayName} key`}
            </span>
            {!generic && <ProviderBadge id={provider.id} name={provider.displayName} />}
          </div>
          <code className="detection__masked" aria-label="Masked preview">
            {masked}
          </code>
          {warning !== null && <p className="detection__warning">{warning}</p>}
        </div>
      );
    }
  }
}
