export declare const LINUX_SIZES: readonly number[];
export declare const ICO_SIZES: readonly number[];
export declare const packIco: (images: readonly { size: number; png: Buffer }[]) => Buffer;
export declare const makeIcons: (svgPath: string, outDir: string) => Promise<void>;
