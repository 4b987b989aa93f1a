import { createContext, useContext } from 'react';
import type { Locale } from 'date-fns';
import { fallbackLocale } from '../lib/locale';

/** The date-fns locale for the user's language, loaded once before the first render. */
export const DateLocaleContext = createContext<Locale>(fallbackLocale);

export function useDateLocale(): Locale {
  return useContext(DateLocaleContext);
}
