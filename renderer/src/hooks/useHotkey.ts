import { useEffect, useRef } from 'react';

/** A window-wide keyboard shortcut. */
export function useHotkey(matches: (event: KeyboardEvent) => boolean, handler: () => void): void {
  const latest = useRef({ matches, handler });
  useEffect(() => {
    latest.current = { matches, handler };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!latest.current.matches(event)) return;
      event.preventDefault();
      latest.current.handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
