import { providerTintClass } from '../../lib/provider-tint';
import './provider-badge.css';

/** "GitHub (classic token)" reads as "GitHub" in a badge; the full name is the tooltip. */
export function shortProviderName(name: string): string {
  const cut = name.indexOf(' (');
  return cut > 0 ? name.slice(0, cut) : name;
}

export function ProviderBadge({ id, name }: { id: string; name: string }) {
  return (
    <span className={`provider-badge ${providerTintClass(id)}`} title={name}>
      <span className="provider-badge__dot" aria-hidden="true" />
      <span className="provider-badge__name">{shortProviderName(name)}</span>
    </span>
  );
}
