import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js (docs/architecture.md §1), run through ESLint's Node API
 * on small files placed at the paths they pretend to live at. The repository's own config is
 * used as it is; only type information is switched off, since these files exist nowhere on disk.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: `${root}eslint.config.js`,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
});

const LAYER_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

/** The layer-rule complaints about `code` as if it were the file at `path`: "rule@line". */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  if (result === undefined) throw new Error(`ESLint returned nothing for ${path}`);
  const fatal = result.messages.find((message) => message.fatal === true);
  if (fatal) throw new Error(`${path} did not parse: ${fatal.message}`);
  return result.messages
    .filter((message) => message.ruleId !== null && LAYER_RULES.has(message.ruleId))
    .map((message) => `${message.ruleId ?? ''}@${message.line}`);
}

const imports = 'no-restricted-imports@1';
/** Names a case by its path and first line. */
const titled = (cases: ReadonlyArray<readonly [string, string]>) =>
  cases.map(([path, code]) => [`${path}: ${code.split('\n')[0] ?? ''}`, path, code] as const);

// loading the config (typescript-eslint, the React plugin) takes seconds on a busy machine
beforeAll(() => eslint.calculateConfigForFile(`${root}electron/main/main.ts`), 120_000);

describe('layer lint rules bite', () => {
  it.each(
    titled([
      // preload: electron, the contract's channel names and its own files, nothing else
      ['electron/preload/leak.ts', "import { Vault } from '../core/index.js';\nexport const v = Vault;\n"],
      ['electron/preload/leak.ts', "import { RekeyError } from '../core/errors.js';\nexport const e = RekeyError;\n"],
      ['electron/preload/leak.ts', "import { createRekeyServices } from '../main/services.js';\nexport const s = createRekeyServices;\n"],
      ['electron/preload/leak.ts', "import { CONTRACT } from '../contract/channels.js';\nexport const c = CONTRACT;\n"],
      ['electron/preload/leak.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
      ['electron/preload/leak.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
      // contract: zod, its own files and core's schema modules
      ['electron/contract/leak.ts', "import { createRekeyServices } from '../main/services.js';\nexport const s = createRekeyServices;\n"],
      ['electron/contract/leak.ts', "import { Vault } from '../core/vault/vault.js';\nexport const v = Vault;\n"],
      ['electron/contract/leak.ts', "import { Vault } from '../core/index.js';\nexport const v = Vault;\n"],
      ['electron/contract/leak.ts', "import { randomBytes } from 'node:crypto';\nexport const r = randomBytes;\n"],
      ['electron/contract/leak.ts', "import { makeApi } from '../preload/make-api.js';\nexport const m = makeApi;\n"],
      ['electron/contract/leak.ts', "import { app } from 'electron';\nexport const a = app;\n"],
      // main never imports the CLI, the renderer or the preload
      ['electron/main/leak.ts', "import { main } from '../cli/rekey.js';\nexport const m = main;\n"],
      ['electron/main/window/leak.ts', "import { run } from '../../cli/command.js';\nexport const r = run;\n"],
      ['electron/main/leak.ts', "import { App } from '../../renderer/src/App';\nexport const a = App;\n"],
      ['electron/main/leak.ts', "import { makeApi } from '../preload/make-api.js';\nexport const m = makeApi;\n"],
      // core and the CLI (the rules that were there before)
      ['electron/core/leak.ts', "import { app } from 'electron';\nexport const a = app;\n"],
      [
        'electron/core/vault/leak.ts',
        "import { createRekeyServices } from '../../main/services.js';\nexport const s = createRekeyServices;\n",
      ],
      ['electron/core/leak.ts', "import { CHANNELS } from '../contract/channel-names.js';\nexport const c = CHANNELS;\n"],
      ['electron/cli/leak.ts', "import { createRekeyServices } from '../main/services.js';\nexport const s = createRekeyServices;\n"],
      ['electron/cli/leak.ts', "import { shell } from 'electron';\nexport const s = shell;\n"],
      // renderer: nothing of electron or core at run time
      ['renderer/src/leak.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
      ['renderer/src/leak.ts', "import { CHANNELS } from '../../electron/contract/channel-names.js';\nexport const c = CHANNELS;\n"],
      ['renderer/src/leak.ts', "import { Vault } from '../../electron/core/index.js';\nexport const v = Vault;\n"],
      // raw IPC outside its two wrappers
      ['electron/main/leak.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n"],
      ['electron/main/main.ts', "import { app, ipcMain } from 'electron';\nexport const i = [app, ipcMain];\n"],
      ['electron/preload/make-api.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
      ['test/e2e/support/leak.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
    ]),
  )(
    '%s',
    async (_title, path, code) => {
      expect(await layerErrors(path, code)).toContain(imports);
    },
    30_000,
  );

  it.each(
    titled([
      ['electron/main/leak.ts', "import * as electron from 'electron';\nelectron.ipcMain.handle('x', () => 1);\n"],
      ['electron/main/leak.ts', "import electron from 'electron';\nconst { ipcMain } = electron;\nipcMain.handle('x', () => 1);\n"],
      [
        'electron/main/leak.ts',
        "import type { WebContents } from 'electron';\nexport const listen = (contents: WebContents) => contents.ipc.handle('x', () => 1);\n",
      ],
      ['electron/preload/make-api.ts', "import * as electron from 'electron';\nvoid electron.ipcRenderer.invoke('x');\n"],
    ]),
  )(
    'raw IPC reached without naming the import: %s',
    async (_title, path, code) => {
      expect((await layerErrors(path, code)).some((error) => error.startsWith('no-restricted-syntax@'))).toBe(true);
    },
    30_000,
  );
});

describe('layer lint rules let the legitimate imports through', () => {
  it.each(
    titled([
      [
        'electron/preload/fine.ts',
        "import { contextBridge } from 'electron';\nimport { CHANNELS } from '../contract/channel-names.js';\nimport type { RekeyApi } from '../contract/channels.js';\nimport { makeApi } from './make-api.js';\nexport const all = [contextBridge, CHANNELS, makeApi] as const;\nexport type Api = RekeyApi;\n",
      ],
      [
        'electron/contract/fine.ts',
        "import { z } from 'zod';\nimport { EXPORT_FORMATS } from '../core/dotenv/formats.js';\nimport { SettingsSchema } from '../core/settings/settings.js';\nimport { MAX_NAME_LENGTH } from '../core/vault/secret-fields.js';\nimport { CHANNELS } from './channel-names.js';\nexport const all = [z, EXPORT_FORMATS, SettingsSchema, MAX_NAME_LENGTH, CHANNELS] as const;\n",
      ],
      [
        'electron/main/fine.ts',
        "import { app } from 'electron';\nimport { Vault } from '../core/index.js';\nimport { CHANNELS } from '../contract/channel-names.js';\nexport const all = [app, Vault, CHANNELS] as const;\n",
      ],
      ['electron/main/ipc/register-ipc.ts', "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n"],
      [
        'electron/preload/preload.ts',
        "import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('x', () => ipcRenderer.invoke('x'));\n",
      ],
      ['renderer/src/fine.ts', "import type { RekeyApi } from '../../electron/contract/channels.js';\nexport type Api = RekeyApi;\n"],
    ]),
  )(
    '%s',
    async (_title, path, code) => {
      expect(await layerErrors(path, code)).toEqual([]);
    },
    30_000,
  );

  it.each([
    'electron/preload/preload.ts',
    'electron/preload/make-api.ts',
    'electron/contract/channel-names.ts',
    'electron/contract/channels.ts',
    'electron/contract/schemas.ts',
    'electron/contract/index.ts',
    'electron/main/ipc/register-ipc.ts',
    'electron/main/main.ts',
  ])(
    'the real %s',
    async (path) => {
      expect(await layerErrors(path, readFileSync(`${root}${path}`, 'utf8'))).toEqual([]);
    },
    30_000,
  );
});
