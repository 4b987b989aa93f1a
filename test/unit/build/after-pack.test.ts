import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, FuseVersion } from '@electron/fuses';
import type { FuseV1Config } from '@electron/fuses';
import { afterEach, describe, expect, it, vi } from 'vitest';
import hookDefault, {
  REKEY_FUSES,
  afterPack,
  electronBinaryPath,
  fuseConfig,
  fuseMismatches,
  makeAfterPack,
} from '../../../build/after-pack.mjs';

/** What docs/architecture.md §6 asks for, written out by name so a wrong enum index cannot hide. */
const INTENDED: Record<string, boolean> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

const FUSE_OPTIONS = Object.values(FuseV1Options).filter((option) => typeof option === 'number');

const byName = (fuses: Partial<Record<FuseV1Options, boolean>>) =>
  Object.fromEntries(FUSE_OPTIONS.filter((option) => option in fuses).map((option) => [FuseV1Options[option], fuses[option]] as const));

/** The marker Electron puts in front of its fuse wire (not exported by @electron/fuses). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

const linux = (appOutDir = '/out/linux-unpacked') => ({
  appOutDir,
  electronPlatformName: 'linux',
  packager: { appInfo: { productFilename: 'Rekey' }, executableName: 'rekey' },
});

/** A fuse wire as getCurrentFuseWire reports it, with every fuse in `fuses` already set. */
const wireFor = (fuses: Partial<Record<FuseV1Options, boolean>>): FuseV1Config<FuseState> => {
  const wire: FuseV1Config<FuseState> = { version: FuseVersion.V1 };
  for (const option of FUSE_OPTIONS) {
    const on = fuses[option];
    if (on !== undefined) wire[option] = on ? FuseState.ENABLE : FuseState.DISABLE;
  }
  return wire;
};

describe('the fuse list', () => {
  it('sets exactly the intended fuses to the intended values', () => {
    expect(byName(REKEY_FUSES)).toEqual(INTENDED);
  });

  it('leaves WasmTrapHandlers to Electron (on by default)', () => {
    expect(FuseV1Options.WasmTrapHandlers in REKEY_FUSES).toBe(false);
  });

  it('is frozen, so nothing can switch a fuse back at run time', () => {
    expect(Object.isFrozen(REKEY_FUSES)).toBe(true);
  });

  it('becomes a V1 config that resets the ad-hoc signature on macOS only', () => {
    for (const platform of ['darwin', 'mas', 'linux', 'win32']) {
      const config = fuseConfig(platform);
      expect(config.version).toBe(FuseVersion.V1);
      expect(config.resetAdHocDarwinSignature, platform).toBe(platform === 'darwin' || platform === 'mas');
      const { version: _version, resetAdHocDarwinSignature: _reset, ...fuses } = config;
      expect(byName(fuses)).toEqual(INTENDED);
      expect(config).not.toHaveProperty('strictlyRequireAllFuses');
    }
  });
});

describe('electronBinaryPath', () => {
  const packager = { appInfo: { productFilename: 'Rekey' }, executableName: 'rekey' };

  it('is <appOutDir>/<executableName> on Linux', () => {
    expect(electronBinaryPath(linux())).toBe(path.join('/out/linux-unpacked', 'rekey'));
  });

  it('is <appOutDir>/<productFilename>.exe on Windows', () => {
    expect(electronBinaryPath({ appOutDir: 'C:/out/win-unpacked', electronPlatformName: 'win32', packager })).toBe(
      path.join('C:/out/win-unpacked', 'Rekey.exe'),
    );
  });

  it('is the <productFilename>.app bundle on macOS and the Mac App Store build', () => {
    for (const electronPlatformName of ['darwin', 'mas']) {
      expect(electronBinaryPath({ appOutDir: '/out/mac-arm64', electronPlatformName, packager })).toBe(
        path.join('/out/mac-arm64', 'Rekey.app'),
      );
    }
  });

  it('refuses an unknown platform and a Linux packager without an executable name', () => {
    expect(() => electronBinaryPath({ appOutDir: '/out', electronPlatformName: 'freebsd', packager })).toThrow(/unknown platform/);
    expect(() =>
      electronBinaryPath({ appOutDir: '/out', electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'Rekey' } } }),
    ).toThrow(/executableName/);
  });
});

describe('the afterPack hook with injected fuse functions', () => {
  const cases = [
    { context: linux(), binary: path.join('/out/linux-unpacked', 'rekey'), reset: false },
    {
      context: { appOutDir: '/out/win-unpacked', electronPlatformName: 'win32', packager: { appInfo: { productFilename: 'Rekey' } } },
      binary: path.join('/out/win-unpacked', 'Rekey.exe'),
      reset: false,
    },
    {
      context: { appOutDir: '/out/mac', electronPlatformName: 'darwin', packager: { appInfo: { productFilename: 'Rekey' } } },
      binary: path.join('/out/mac', 'Rekey.app'),
      reset: true,
    },
  ];

  for (const { context, binary, reset } of cases) {
    it(`flips the fuses of ${path.basename(binary)} (${context.electronPlatformName}) and reads them back`, async () => {
      const flip = vi.fn(async (_binary: string, _config: FuseV1Config) => 1);
      const read = vi.fn(async () => wireFor(REKEY_FUSES));
      const log = vi.fn();
      await makeAfterPack({ flip, read, log })(context);
      expect(flip).toHaveBeenCalledTimes(1);
      expect(flip).toHaveBeenCalledWith(binary, fuseConfig(context.electronPlatformName));
      expect(flip.mock.calls[0]?.[1]).toMatchObject({ resetAdHocDarwinSignature: reset });
      expect(read).toHaveBeenCalledWith(binary);
      expect(log).toHaveBeenCalledWith(expect.stringContaining(binary));
    });
  }

  it('fails the build when the binary does not carry the fuses afterwards', async () => {
    const stillDefault = wireFor({ ...REKEY_FUSES, [FuseV1Options.RunAsNode]: true });
    const hook = makeAfterPack({ flip: async () => 1, read: async () => stillDefault, log: () => {} });
    await expect(hook(linux())).rejects.toThrow(/RunAsNode: want DISABLE, binary has ENABLE/);
  });

  it('reports a fuse the binary does not have at all', () => {
    const { [FuseV1Options.GrantFileProtocolExtraPrivileges]: _dropped, ...shortWire } = wireFor(REKEY_FUSES);
    expect(fuseMismatches(shortWire as FuseV1Config<FuseState>, REKEY_FUSES)).toEqual([
      'GrantFileProtocolExtraPrivileges: want DISABLE, binary has no such fuse',
    ]);
    expect(fuseMismatches(wireFor(REKEY_FUSES), REKEY_FUSES)).toEqual([]);
  });

  it('is what electron-builder loads: the named afterPack export, also the default', () => {
    expect(typeof afterPack).toBe('function');
    expect(hookDefault).toBe(afterPack);
  });
});

describe('the afterPack hook with the real @electron/fuses', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('flips the fuse wire of a stand-in Linux binary and leaves every other byte alone', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rekey-after-pack-'));
    // Electron 45's default wire: RunAsNode on, cookie encryption off, NODE_OPTIONS on,
    // --inspect on, asar integrity off, only-asar off, V8 snapshot off, file:// extra on, wasm on
    const defaults = '101100011';
    const before = Buffer.concat([
      Buffer.from('\x7fELF stand-in for the Electron binary, before the fuses: '),
      Buffer.from(SENTINEL),
      Buffer.from([1, defaults.length]), // wire version 1, 9 fuses
      Buffer.from(defaults),
      Buffer.from(' and after them.'),
    ]);
    const binary = path.join(dir, 'rekey');
    writeFileSync(binary, before);

    await makeAfterPack({ log: () => {} })(linux(dir));

    const after = readFileSync(binary);
    const wireAt = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(after.toString('latin1', wireAt, wireAt + defaults.length)).toBe('010011001');
    expect(after.subarray(0, wireAt).equals(before.subarray(0, wireAt))).toBe(true);
    expect(after.subarray(wireAt + defaults.length).equals(before.subarray(wireAt + defaults.length))).toBe(true);
  });

  it('fails when the binary has no fuse wire', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rekey-after-pack-'));
    writeFileSync(path.join(dir, 'rekey'), 'not an Electron binary');
    await expect(makeAfterPack({ log: () => {} })(linux(dir))).rejects.toThrow(/sentinel/);
  });
});
