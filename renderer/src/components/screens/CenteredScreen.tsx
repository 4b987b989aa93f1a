import type { ReactNode } from 'react';
import './screens.css';

/** The frame of the screens shown before the vault opens: one card in the middle of the window. */
export function CenteredScreen({ children, label }: { children: ReactNode; label: string }) {
  return (
    <main className="centered-screen" aria-label={label}>
      <div className="centered-screen__card">{children}</div>
    </main>
  );
}
