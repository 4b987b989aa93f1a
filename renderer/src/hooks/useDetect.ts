import { useEffect, useState } from 'react';
import { call } from '../api/rekey';
import type { DetectResult } from '../api/types';

type Answer = { readonly ok: true; readonly result: DetectResult } | { readonly ok: false; readonly message: string };

export type Detection =
  | { readonly state: 'idle' }
  | { readonly state: 'pending' }
  | { readonly state: 'done'; readonly result: DetectResult }
  | { readonly state: 'failed'; readonly message: string };

/**
 * Live format check of a pasted value: main detects the provider (or checks the value against
 * `provider` when given) and answers with metadata and a mask, never the value. Debounced, and
 * an answer counts only for the value and provider it was asked about.
 */
export function useDetect(value: string, provider?: string, delayMs = 180): Detection {
  const [answer, setAnswer] = useState<{ value: string; provider: string | undefined; answer: Answer } | null>(null);

  useEffect(() => {
    if (value === '') return;
    let live = true;
    const timer = setTimeout(() => {
      void call('detect', provider === undefined ? { value } : { value, provider }).then((result) => {
        if (!live) return;
        setAnswer({
          value,
          provider,
          answer: result.ok ? { ok: true, result: result.value } : { ok: false, message: result.error.message },
        });
      });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [value, provider, delayMs]);

  if (value === '') return { state: 'idle' };
  if (answer === null || answer.value !== value || answer.provider !== provider) return { state: 'pending' };
  return answer.answer.ok ? { state: 'done', result: answer.answer.result } : { state: 'failed', message: answer.answer.message };
}
