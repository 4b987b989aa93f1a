import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_PAGE, APP_PAGE_URL, type AppPage, isAppPage } from './window/app-origin.js';
import { DEV_SERVER_VARIABLE, chooseDevServer } from './window/dev-server.js';

export interface AppLocationOptions {
  /** Electron's app.isPackaged: a packaged app ignores the dev-server variable. */
  readonly isPackaged: boolean;
  /** Where a refused dev-server variable is reported (main: stderr). */
  readonly warn: (line: string) => void;
}

/** Where the bundled main finds its siblings: dist/main/main.js next to dist/preload and dist/renderer. */
export function appLocations(mainModuleUrl: string, env: NodeJS.ProcessEnv, options: AppLocationOptions) {
  const distDir = dirname(dirname(fileURLToPath(mainModuleUrl)));
  const devServer = chooseDevServer(env[DEV_SERVER_VARIABLE], options.isPackaged);
  if (devServer.use === 'built' && devServer.refused !== undefined) options.warn(devServer.refused);
  const page: AppPage = devServer.use === 'dev-server' ? devServer.page : APP_PAGE;
  return {
    preloadPath: join(distDir, 'preload', 'preload.cjs'),
    /** Copied from build/icons by scripts/build.js (only dist/ is packaged). */
    trayIconPath: join(distDir, 'tray', 'tray-icon.png'),
    /** What app://rekey/ serves (window/renderer-protocol.ts). */
    rendererDir: join(distDir, 'renderer'),
    pageUrl: devServer.use === 'dev-server' ? devServer.url : APP_PAGE_URL,
    /** The page itself, exact origin and path (ignoring #hash): anything else is navigation away from the app. */
    isAppUrl: (url: string) => isAppPage(url, page),
  };
}
