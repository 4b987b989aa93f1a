import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO } from './renderer-build.js';

let cached: Promise<string> | undefined;

/**
 * The real preload's makeApi, bundled for the page, wired to the Playwright binding the way the
 * preload wires it to ipcRenderer.invoke. window.rekey is frozen and read-only, as contextBridge
 * makes it. Calls cross as one JSON string each way: Electron copies IPC payloads with structured
 * clone, which costs about what JSON does, while Playwright's own value-by-value serialisation
 * takes seconds for a 10,000-key list and would make the harness, not the app, the bottleneck.
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
  const binding = window[${JSON.stringify(bindingName)}];
  const api = __rekeyPreload.makeApi((channel, input) =>
    binding(channel, JSON.stringify({ input })).then((answer) => JSON.parse(answer)),
  );
  Object.defineProperty(window, 'rekey', { value: api, writable: false, configurable: false, enumerable: true });
  delete globalThis.__rekeyPreload;
})();`,
  );
}
