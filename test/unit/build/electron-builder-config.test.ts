import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import builderUtil from 'builder-util';
import appBuilderConfig from 'app-builder-lib/out/util/config/config.js';
import configLoader from 'app-builder-lib/out/util/config/load.js';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { ICON_SIZES, ROOT } from '../../../scripts/make-icons.js';
import { readIcns, readIco, readPngHeader } from './icon-formats.js';

// electron-builder's own plist parser (a dependency of app-builder-lib, no type declarations)
const parsePlist = (createRequire(import.meta.url)('plist') as { parse: (xml: string) => unknown }).parse;

// The config is read and checked by electron-builder's own code: the loader `--config` uses
// and the JSON-schema validation every build runs first.
const CONFIG_FILE = 'build/electron-builder.yml';

let raw: Configuration;
let effective: Configuration;

beforeAll(async () => {
  const loaded = await configLoader.getConfig<Configuration>(
    { packageKey: 'build', configFilename: 'electron-builder', projectDir: ROOT, packageMetadata: null },
    path.join(ROOT, CONFIG_FILE),
  );
  if (loaded === null) throw new Error(`${CONFIG_FILE} did not load`);
  raw = loaded.result;
  effective = await appBuilderConfig.getConfig(ROOT, path.join(ROOT, CONFIG_FILE), null);
});

const strings = (value: unknown): string[] =>
  value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

describe(CONFIG_FILE, () => {
  it("passes electron-builder's schema validation, which does reject a misspelt option", async () => {
    const logger = new builderUtil.DebugLogger(false);
    await expect(appBuilderConfig.validateConfiguration(effective, logger)).resolves.toBeUndefined();
    await expect(
      appBuilderConfig.validateConfiguration({ ...effective, asarUnpak: ['**/*.node'] } as Configuration, logger),
    ).rejects.toThrow(/unknown property 'asarUnpak'/);
    // the first validation compiles electron-builder's whole JSON schema: seconds on a busy 2-core machine
  }, 30_000);

  it('names the app and writes to release/', () => {
    expect(raw.appId).toBe('dev.rekey.app');
    expect(raw.productName).toBe('Rekey');
    expect(raw.directories?.output).toBe('release');
  });

  it('packs dist/ and package.json into an asar archive, without the benchmark', () => {
    expect(raw.asar).toBe(true);
    const files = strings(raw.files);
    expect(files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    const excluded = files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    expect(excluded.some((p) => path.matchesGlob('dist/bench/vault-bench.js', p))).toBe(true);
    expect(excluded.some((p) => path.matchesGlob('dist/main/main.js', p))).toBe(false);
  });

  it('unpacks every native addon from the asar, and no exclusion drops one this platform needs', () => {
    const unpack = strings(raw.asarUnpack);
    const addons = [
      'node_modules/better-sqlite3/prebuilds/linux-x64.node',
      'node_modules/better-sqlite3/prebuilds/darwin-arm64.node',
      'node_modules/better-sqlite3/prebuilds/win32-x64.node',
      'node_modules/keytar/build/Release/keytar.node',
    ];
    for (const addon of addons)
      expect(
        unpack.some((p) => path.matchesGlob(addon, p)),
        addon,
      ).toBe(true);
    expect(existsSync(path.join(ROOT, 'node_modules/keytar/build/Release/keytar.node'))).toBe(true);
    expect(existsSync(path.join(ROOT, `node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`))).toBe(true);

    const rootExcludes = strings(raw.files)
      .filter((p) => p.startsWith('!'))
      .map((p) => p.slice(1));
    for (const addon of addons)
      expect(
        rootExcludes.some((p) => path.matchesGlob(addon, p)),
        addon,
      ).toBe(false);
    expect(rootExcludes.some((p) => path.matchesGlob('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', p))).toBe(true);
  });

  it('leaves out of node_modules only packages that scripts/build.js bundles, never the natives', () => {
    const excludes = strings(raw.files)
      .filter((p) => p.startsWith('!'))
      .map((p) => p.slice(1));
    const dropped = (pkg: string) => excludes.some((p) => path.matchesGlob(`node_modules/${pkg}/package.json`, p));
    const buildScript = readFileSync(path.join(ROOT, 'scripts/build.js'), 'utf8');
    const externals = [...buildScript.matchAll(/external:\s*\[([^\]]*)\]/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/['"]([^'"]+)['"]/g)].map((q) => q[1] ?? ''),
    );
    expect(externals).toEqual(expect.arrayContaining(['better-sqlite3', 'keytar']));
    for (const external of externals) expect(dropped(external), `${external} is loaded from node_modules`).toBe(false);
    const dependencies = Object.keys(
      (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {},
    );
    expect(dependencies.filter(dropped).sort()).toEqual(
      ['@tanstack/react-virtual', 'date-fns', 'dotenv', 'react', 'react-dom', 'zod'].filter((d) => dependencies.includes(d)),
    );
  });

  it('keeps every file pattern at the top level, where electron-builder applies them to the app', () => {
    // a platform-level `files` list makes electron-builder 26 copy the whole project folder
    for (const platform of ['linux', 'mac', 'win'] as const) expect(raw[platform]?.files, platform).toBeUndefined();
  });

  it('does not rebuild the Node-API modules for Electron', () => {
    expect(raw.npmRebuild).toBe(false);
    expect(raw.buildDependenciesFromSource).toBe(false);
  });

  it('runs the afterPack hook from an existing file that exports it', async () => {
    expect(raw.afterPack).toBe('./build/after-pack.mjs');
    const hookFile = path.resolve(ROOT, String(raw.afterPack));
    expect(existsSync(hookFile)).toBe(true);
    const hook = (await import(pathToFileURL(hookFile).href)) as { afterPack?: unknown };
    expect(typeof hook.afterPack).toBe('function');
  });

  it('builds AppImage and deb for Linux, in the Development category, with the PNG icon set', () => {
    expect(strings(raw.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(raw.linux?.category).toBe('Development');
    expect(raw.linux?.icon).toBe('build/icons');
    expect(raw.linux?.executableName).toBe('rekey');
    const dir = path.join(ROOT, 'build/icons');
    expect(readdirSync(dir).sort()).toEqual(ICON_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const size of ICON_SIZES) {
      expect(readPngHeader(readFileSync(path.join(dir, `${size}x${size}.png`)))).toMatchObject({ width: size, height: size });
    }
  });

  it('builds a hardened-runtime dmg for macOS in the developer-tools category, with a 1024 px icns', () => {
    expect(strings(raw.mac?.target)).toEqual(['dmg']);
    expect(raw.mac?.category).toBe('public.app-category.developer-tools');
    expect(raw.mac?.hardenedRuntime).toBe(true);
    expect(raw.mac?.icon).toBe('build/icon.icns');
    const elements = readIcns(readFileSync(path.join(ROOT, 'build/icon.icns')));
    const sizes = elements.map((element) => readPngHeader(element.data).width);
    expect(Math.max(...sizes)).toBe(1024);
    expect(Math.min(...sizes)).toBe(16);
  });

  it('signs the macOS app and its helpers with allow-jit only: no library-validation or other hardened-runtime escape', () => {
    // electron-builder falls back to its own template (which disables library validation) for
    // any of the two that is not set
    expect(raw.mac?.entitlements).toBe('build/entitlements.mac.plist');
    expect(raw.mac?.entitlementsInherit).toBe('build/entitlements.mac.plist');
    const files = new Set([
      raw.mac?.entitlements,
      raw.mac?.entitlementsInherit,
      ...readdirSync(path.join(ROOT, 'build'))
        .filter((f) => /entitlements.*\.plist$/.test(f))
        .map((f) => `build/${f}`),
    ]);
    for (const file of files) {
      if (typeof file !== 'string') continue;
      // parsed by the plist package electron-builder and @electron/osx-sign read entitlements with
      const entitlements = parsePlist(readFileSync(path.join(ROOT, file), 'utf8'));
      expect(entitlements, file).toEqual({ 'com.apple.security.cs.allow-jit': true });
      expect(entitlements, file).not.toHaveProperty(['com.apple.security.cs.disable-library-validation']);
    }
    // the check has teeth: electron-builder's default template, used without our file, fails it
    const template = parsePlist(
      readFileSync(createRequire(import.meta.url).resolve('app-builder-lib/templates/entitlements.mac.plist'), 'utf8'),
    );
    expect(template).toHaveProperty(['com.apple.security.cs.disable-library-validation'], true);
  });

  it('builds an nsis installer for Windows with an ico that has a 256 px image', () => {
    expect(strings(raw.win?.target)).toEqual(['nsis']);
    expect(raw.win?.icon).toBe('build/icon.ico');
    const sizes = readIco(readFileSync(path.join(ROOT, 'build/icon.ico'))).map((image) => image.size);
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
  });
});
