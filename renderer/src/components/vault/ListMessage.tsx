import type { ReactNode } from 'react';
import { Icon, type IconName } from '../common/Icon';
import './list-message.css';

/** The list's place when there is nothing to list: empty vault, no matches, or a load error. */
export function ListMessage({
  icon,
  title,
  tone = 'neutral',
  children,
}: {
  icon: IconName;
  title: string;
  tone?: 'neutral' | 'danger';
  children: ReactNode;
}) {
  return (
    <div className={`list-message list-message--${tone}`}>
      <span className="list-message__icon" aria-hidden="true">
        <Icon name={icon} size={26} />
      </span>
      <h2 className="list-message__title">{title}</h2>
      <div className="list-message__body">{children}</div>
    </div>
  );
}
