import { useEffect, useRef, useState } from 'react';

/**
 * Whole seconds left until a deadline `seconds` from mount, ticking each second; calls onDone
 * once at zero. Measured against the clock, so a busy frame never stretches the countdown.
 */
export function useCountdown(seconds: number, onDone?: () => void): number {
  const [deadline] = useState(() => Date.now() + seconds * 1000);
  const [left, setLeft] = useState(seconds);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    const tick = () => {
      const remaining = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        done.current?.();
      }
    };
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [deadline]);
  return left;
}
