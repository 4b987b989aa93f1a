import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { type ToastInput, ToastContext, type Toasts } from '../../hooks/useToasts';
import { ToastRegion } from './ToastRegion';

export interface ActiveToast extends ToastInput {
  readonly id: number;
}

const MAX_TOASTS = 4;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly ActiveToast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);

  const api = useMemo<Toasts>(() => {
    const show = (toast: ToastInput) => {
      const id = nextId.current++;
      setToasts((list) => {
        const kept = toast.key === undefined ? list : list.filter((each) => each.key !== toast.key);
        return [...kept, { ...toast, id }].slice(-MAX_TOASTS);
      });
    };
    return { show, error: (message, title = 'That didn’t work') => show({ tone: 'error', title, detail: message }) };
  }, []);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <ToastRegion toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}
