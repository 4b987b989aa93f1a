import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO } from './renderer-build.js';

let cached: Promise<string> | undefined;

/**
 * The real preload's makeApi, bundled for the page, wired to the Playwright binding the way the
 * preload wires it to ipcRenderer.invoke. window.rekey is frozen and read-only, as contextBridge
 * makes it.
 */
export function preloadInitScript(bindingName: string): Promise<string> {
  cached ??= build({
    entryPoints: [join(REPO, 'electron/preload/make-api.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__rekeyPreload',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => {
    const bundle = result.outputFiles[0]?.text;
    if (bundle === undefined) throw new Error('esbuild produced no preload bundle');
    return bundle;
  });
  return cached.then(
    (bundle) => `${bundle}
;(() => {
  const api = __rekeyPreload.makeApi((channel, input) => window[${JSON.stringify(bindingName)}](channel, input));
  Object.defineProperty(window, 'rekey', { value: api, writable: false, configurable: false, enumerable: true });
  delete globalThis.__rekeyPreload;
})();`,
  );
}
