import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import './callout.css';

type Tone = 'info' | 'success' | 'warning' | 'danger';

const icons: Record<Tone, IconName> = { info: 'info', success: 'circleCheck', warning: 'warning', danger: 'alertCircle' };

/** A boxed message inside a screen or dialog; danger ones are announced as alerts. */
export function Callout({ tone, title, children }: { tone: Tone; title?: string; children?: ReactNode }) {
  return (
    <div className={`callout callout--${tone}`} role={tone === 'danger' ? 'alert' : undefined}>
      <Icon name={icons[tone]} className="callout__icon" />
      <div className="callout__text">
        {title !== undefined && <p className="callout__title">{title}</p>}
        {children !== undefined && <div className="callout__body">{children}</div>}
      </div>
    </div>
  );
}
