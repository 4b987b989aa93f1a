// first: sends the window's first questions before the rest of the bundle is evaluated
import { startupAnswers } from './api/startup-prefetch';
// the global styles before any component's own, so a feature's rules follow the theme and base
import './styles/theme.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DateLocaleContext } from './hooks/useDateLocale';
import { loadDateLocale } from './lib/locale';
import { os } from './lib/platform';

/** How long the window waits for main's first answers before it shows a loading screen. */
const STARTUP_WAIT_MS = 200;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// picks the OS's own font lists in theme.css
document.documentElement.dataset['os'] = os;

const [locale] = await Promise.all([
  loadDateLocale(navigator.languages.length > 0 ? navigator.languages : [navigator.language]),
  startupAnswers(STARTUP_WAIT_MS),
]);

createRoot(root).render(
  <StrictMode>
    <DateLocaleContext.Provider value={locale}>
      <App />
    </DateLocaleContext.Provider>
  </StrictMode>,
);
