import { createContext, useContext } from 'react';

export type ToastTone = 'success' | 'info' | 'warning' | 'error';

export interface ToastInput {
  readonly tone: ToastTone;
  readonly title: string;
  readonly detail?: string;
  readonly action?: { readonly label: string; readonly run: () => void };
  /** A toast with a key replaces the previous toast with the same key. */
  readonly key?: string;
  /** A live countdown: the title is countdown.title(secondsLeft) until it reaches zero. */
  readonly countdown?: { readonly seconds: number; readonly title: (secondsLeft: number) => string; readonly doneTitle: string };
}

export interface Toasts {
  show(toast: ToastInput): void;
  /** A failed call: error.message, plainly. */
  error(message: string, title?: string): void;
}

export const ToastContext = createContext<Toasts>({ show: () => undefined, error: () => undefined });

export function useToasts(): Toasts {
  return useContext(ToastContext);
}
