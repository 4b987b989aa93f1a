import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the bundled main finds its siblings: dist/main/main.js next to dist/preload and dist/renderer. */
export function appLocations(mainModuleUrl: string, env: NodeJS.ProcessEnv) {
  const distDir = dirname(dirname(fileURLToPath(mainModuleUrl)));
  const devServer = env['REKEY_DEV_SERVER_URL'];
  const pageUrl = devServer ?? pathToFileURL(join(distDir, 'renderer', 'index.html')).href;
  const base = devServer ?? pathToFileURL(join(distDir, 'renderer')).href + '/';
  return {
    preloadPath: join(distDir, 'preload', 'preload.cjs'),
    /** Copied from build/icons by scripts/build.js (only dist/ is packaged). */
    trayIconPath: join(distDir, 'tray', 'tray-icon.png'),
    pageUrl,
    /** Same document only (ignoring #hash): anything else is navigation away from the app. */
    isAppUrl: (url: string) => url.split('#')[0] === pageUrl.split('#')[0] || (devServer !== undefined && url.startsWith(base)),
  };
}
