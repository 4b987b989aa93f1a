import { useEffect, useState } from 'react';
import { call } from '../api/rekey';

/**
 * The user's default rotation interval (Settings), for pre-filling a new key's interval;
 * null until main answers (the dialog then leaves the field empty and core applies the default).
 */
export function useDefaultRotateEveryDays(): number | null {
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void call('getSettings', {}).then((result) => {
      if (live && result.ok) setDays(result.value.settings.defaultRotateEveryDays);
    });
    return () => {
      live = false;
    };
  }, []);
  return days;
}
