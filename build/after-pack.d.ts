import type { FuseV1Config } from '@electron/fuses';

/** The subset of electron-builder's AfterPackContext the hook reads. */
export interface PackedApp {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly packager: {
    readonly executableName: string;
    readonly appInfo: { readonly productFilename: string };
  };
}

export declare const fuseConfig: FuseV1Config;
export declare const electronBinaryPath: (context: PackedApp) => string;
export declare const afterPack: (context: PackedApp) => Promise<void>;
