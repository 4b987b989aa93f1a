// @ts-check
// electron-builder afterPack hook: flips Electron's fuses in the packaged app (docs/architecture.md §6).
//
// afterPack runs once per platform and arch, after the app is assembled in appOutDir and before
// electron-builder signs it, which is where fuses must be flipped: flipping changes the binary,
// so it has to happen before the signature is made. The fuse list is a plain exported constant
// and the hook takes its flip and read functions as parameters, so the unit tests check both
// without an Electron binary (test/unit/build/after-pack.test.ts).
//
// electron-builder 26 can also flip fuses itself (`electronFuses` in the config). Rekey does it
// here instead so the exact list is code with tests, and so the hook reads the fuse wire back
// and fails the build if the binary does not carry what we asked for.
import path from 'node:path';
import { flipFuses, FuseState, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

/**
 * The fuses Rekey sets. Any fuse not listed keeps Electron's default (WasmTrapHandlers, on).
 * @type {Readonly<Partial<Record<FuseV1Options, boolean>>>}
 */
export const REKEY_FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node that runs any script
  [FuseV1Options.RunAsNode]: false,
  // cookies and other Chromium storage are encrypted with a key from the OS keychain
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (e.g. --require) could inject code into main
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would let anyone attach a debugger to main and read the vault key
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // macOS and Windows check app.asar against the hash electron-builder embeds at package time
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // load the app only from app.asar, never from a loose app/ folder dropped next to it
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Rekey ships no custom V8 snapshot
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // file:// gets no more privileges than a web page; nothing needs more: the window's page comes
  // from app://rekey/ (electron/main/window/renderer-protocol.ts), never from file://
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/** @param {string} electronPlatformName */
const isMac = (electronPlatformName) => electronPlatformName === 'darwin' || electronPlatformName === 'mas';

/**
 * The config handed to flipFuses for one platform.
 * On macOS the ad-hoc signature is reset after flipping: an arm64 app whose binary changed
 * after signing refuses to start, and an unsigned local build is only ad-hoc signed. When a
 * signing identity is configured, electron-builder signs properly right after this hook.
 * @param {string} electronPlatformName
 * @returns {import('@electron/fuses').FuseV1Config}
 */
export function fuseConfig(electronPlatformName) {
  return { version: FuseVersion.V1, resetAdHocDarwinSignature: isMac(electronPlatformName), ...REKEY_FUSES };
}

/**
 * The part of electron-builder's AfterPackContext this hook reads.
 * @typedef {object} PackedApp
 * @property {string} appOutDir
 * @property {string} electronPlatformName
 * @property {{ appInfo: { productFilename: string }, executableName?: string }} packager
 *   `executableName` exists on electron-builder's LinuxPackager
 */

/**
 * Where the Electron binary sits in appOutDir, in the form flipFuses takes: on macOS the
 * .app bundle (flipFuses finds the Electron Framework inside it), elsewhere the executable.
 * Same naming as electron-builder's own fuse step (PlatformPackager.addElectronFuses).
 * @param {PackedApp} context
 * @returns {string}
 */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (isMac(electronPlatformName)) return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (electronPlatformName === 'linux') {
    if (!packager.executableName) throw new Error('afterPack: the Linux packager has no executableName');
    return path.join(appOutDir, packager.executableName);
  }
  throw new Error(`afterPack: unknown platform ${JSON.stringify(electronPlatformName)}`);
}

/**
 * Fuses whose state in `wire` differs from `config`, as readable names. Empty when all match.
 * @param {import('@electron/fuses').FuseV1Config<FuseState>} wire what getCurrentFuseWire read
 * @param {Readonly<Partial<Record<FuseV1Options, boolean>>>} fuses
 * @returns {string[]}
 */
export function fuseMismatches(wire, fuses) {
  /** @type {Partial<Record<FuseV1Options, FuseState>>} */
  const states = wire;
  return Object.entries(fuses).flatMap(([key, on]) => {
    const fuse = /** @type {FuseV1Options} */ (Number(key));
    const want = on ? FuseState.ENABLE : FuseState.DISABLE;
    const got = states[fuse];
    return got === want
      ? []
      : [`${FuseV1Options[fuse]}: want ${FuseState[want]}, binary has ${got === undefined ? 'no such fuse' : FuseState[got]}`];
  });
}

/**
 * @typedef {object} FuseIo
 * @property {(pathToElectron: string, config: import('@electron/fuses').FuseV1Config) => Promise<unknown>} flip
 * @property {(pathToElectron: string) => Promise<import('@electron/fuses').FuseV1Config<FuseState>>} read
 * @property {(message: string) => void} log
 */

/**
 * Builds the hook. The defaults are the real @electron/fuses functions; tests pass fakes.
 * @param {Partial<FuseIo>} [io]
 * @returns {(context: PackedApp) => Promise<void>}
 */
export function makeAfterPack(io = {}) {
  const { flip = flipFuses, read = getCurrentFuseWire, log = (message) => console.log(`  • ${message}`) } = io;
  return async (context) => {
    const binary = electronBinaryPath(context);
    await flip(binary, fuseConfig(context.electronPlatformName));
    const mismatches = fuseMismatches(await read(binary), REKEY_FUSES);
    if (mismatches.length > 0) throw new Error(`afterPack: fuses not set in ${binary}:\n  ${mismatches.join('\n  ')}`);
    log(`flipped Electron fuses  binary=${binary}`);
  };
}

/** The hook electron-builder calls (config: `afterPack: ./build/after-pack.mjs`). */
export const afterPack = makeAfterPack();
export default afterPack;
