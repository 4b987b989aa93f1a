import { useEffect, useRef } from 'react';
import { call } from '../api/rekey';

export const POLL_MS = 1500;

/**
 * main cannot push to the window (no push channels by design), so the window asks every
 * 1.5 s: did main lock the vault (idle, screen lock, tray), and was a notification clicked?
 */
export function useAppPoll(onLocked: () => void, onFocus: (name: string) => void): void {
  const handlers = useRef({ onLocked, onFocus });
  useEffect(() => {
    handlers.current = { onLocked, onFocus };
  });
  useEffect(() => {
    let live = true;
    const tick = async () => {
      const result = await call('pollApp', {});
      if (!live || !result.ok) return;
      if (result.value.locked) handlers.current.onLocked();
      else if (result.value.focus !== null) handlers.current.onFocus(result.value.focus);
    };
    const timer = window.setInterval(() => void tick(), POLL_MS);
    const onWindowFocus = () => void tick();
    window.addEventListener('focus', onWindowFocus);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener('focus', onWindowFocus);
    };
  }, []);
}
