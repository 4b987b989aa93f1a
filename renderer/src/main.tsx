import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetchFirstScreen } from './api/first-screen';
import { prefetchVaultStatus } from './api/startup-status';
import { DateLocaleContext } from './hooks/useDateLocale';
import { loadDateLocale } from './lib/locale';
import './styles/theme.css';
import './styles/base.css';
import './styles/app.css';
import './styles/components.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// both answers are on their way while the locale loads and React mounts
prefetchVaultStatus();
prefetchFirstScreen();
const locale = await loadDateLocale(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);

createRoot(root).render(
  <StrictMode>
    <DateLocaleContext.Provider value={locale}>
      <App />
    </DateLocaleContext.Provider>
  </StrictMode>,
);
