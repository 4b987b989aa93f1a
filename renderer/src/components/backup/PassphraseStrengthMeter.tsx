import type { Strength } from './passphrase-strength';

/** Four bars and a word; the word, not the colour, carries the meaning. */
export function PassphraseStrengthMeter({ strength, id }: { strength: Strength; id: string }) {
  return (
    <div className={`strength strength--${strength.score}`} id={id} aria-live="polite">
      <div className="strength__bars" aria-hidden="true">
        {[1, 2, 3, 4].map((bar) => (
          <span key={bar} className={`strength__bar ${bar <= strength.score ? 'is-on' : ''}`} />
        ))}
      </div>
      <p className="strength__text">
        <strong>{strength.label}.</strong> {strength.hint}
      </p>
    </div>
  );
}
