import { useCountdown } from '../../hooks/useCountdown';
import './secret-table.css';

export const REVEAL_SECONDS = 10;

/** A revealed value, for ten seconds; then the row masks it again. */
export function RevealedValue({ value, name, onExpire }: { value: string; name: string; onExpire: () => void }) {
  const left = useCountdown(REVEAL_SECONDS, onExpire);
  return (
    <span className="revealed">
      <code className="revealed__value" data-revealed-for={name}>
        {value}
      </code>
      <span className="revealed__timer" aria-label={`Hides in ${left} seconds`}>
        {left} s
      </span>
    </span>
  );
}
