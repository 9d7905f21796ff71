import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { afterPack, electronBinaryPath, fuseConfig } from '../../build/after-pack';
import { tempDir } from '../helpers/temp-dir';

// Electron's marker before the fuse wire (@electron/fuses' constants, not exported).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A stock binary's fuse wire: sentinel, version 1, length, then every fuse on ('1'). */
const fakeElectron = (path: string, wireLength: number): void => {
  const stock = Buffer.alloc(wireLength, 0x31);
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, wireLength]), stock]);
  writeFileSync(path, Buffer.concat([randomBytes(4096), wire, randomBytes(4096)]));
};

const packed = (platform: string) => {
  const appOutDir = tempDir();
  const context = {
    appOutDir,
    electronPlatformName: platform,
    packager: { executableName: 'ventanilla', appInfo: { productFilename: 'Ventanilla' } },
  };
  return { context, binary: electronBinaryPath(context) };
};

describe('Electron fuses (electron-builder afterPack)', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect, and requires the app from a checked asar', () => {
    expect(fuseConfig).toMatchObject({
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('finds the executable electron-builder wrote on Windows and Linux', () => {
    expect(packed('win32').binary).toMatch(/[\\/]Ventanilla\.exe$/);
    expect(packed('linux').binary).toMatch(/[\\/]ventanilla$/);
  });

  it.each(['win32', 'linux'])('burns the fuses into the %s binary', async (platform) => {
    const { context, binary } = packed(platform);
    fakeElectron(binary, 9);
    await afterPack(context);
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('fails the build when Electron adds a fuse nobody has decided on', async () => {
    const { context, binary } = packed('linux');
    fakeElectron(binary, 10);
    await expect(afterPack(context)).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('fails the build when the binary has no fuse wire', async () => {
    const { context, binary } = packed('win32');
    writeFileSync(binary, randomBytes(8192));
    await expect(afterPack(context)).rejects.toThrow(/sentinel/);
  });
});
