// electron-builder afterPack hook: burns the Electron fuses into the packaged binary,
// after the asar (and its integrity hash) exist and before signing.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * Every fuse is decided here (strictlyRequireAllFuses): an Electron upgrade that adds a
 * fuse fails the build until someone decides it.
 */
export const fuseConfig = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // The binary is never a plain Node (ELECTRON_RUN_AS_NODE), never takes NODE_OPTIONS or --inspect.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The code runs only from app.asar, and only if its hash matches the one in the binary.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app://, so file:// needs no extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default; the OCR's WebAssembly relies on it for speed.
  [FuseV1Options.WasmTrapHandlers]: true,
};

/** Where electron-builder put the Electron executable (same rule as its own fuse step). */
export const electronBinaryPath = (context) => {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'linux') return join(appOutDir, packager.executableName);
  const ext = electronPlatformName === 'win32' ? '.exe' : '.app';
  return join(appOutDir, `${packager.appInfo.productFilename}${ext}`);
};

export const afterPack = async (context) => {
  await flipFuses(electronBinaryPath(context), fuseConfig);
};
