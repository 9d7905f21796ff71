import { toBase64 } from '../src/screens/residents/import-panel';

/** A chosen file's bytes as base64, for the JSON upload routes. */
export const fileBase64 = async (file: File): Promise<string> =>
  toBase64(new Uint8Array(await file.arrayBuffer()));
