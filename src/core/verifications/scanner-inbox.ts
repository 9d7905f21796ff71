import { join } from 'node:path';
import type { OcrResult } from '../../shared/contract/ocr';
import { isAppError } from '../../shared/errors';
import type { CoreDeps } from '../app/deps';
import { type OcrService, type ScannerWatcher, watchScannerFolder } from '../ocr';
import { privateDir } from '../platform/private-files';
import { explainReadFailure } from './read-failure';

export type ScannedCard =
  | { readonly ok: true; readonly result: OcrResult; readonly startedAt: string }
  | {
      readonly ok: false;
      readonly code: string;
      readonly params?: Record<string, string | number> | undefined;
    };

/**
 * The counter's scanner writes into `<data dir>/scanner`. Each card is read as soon as it is
 * complete and deleted at once; only the reading waits here, in memory, for the Verify screen
 * to pick it up. The watcher starts with the first poll, so a CLI run never watches anything.
 */
export const scannerInbox = (deps: CoreDeps, ocr: () => OcrService) => {
  let watcher: ScannerWatcher | undefined;
  let latest: ScannedCard | null = null;
  const start = (): void => {
    if (watcher) return;
    const dir = join(deps.dataDir, 'scanner');
    privateDir(dir);
    watcher = watchScannerFolder({
      dir,
      retentionMs: 0,
      onDocument: async (_file, bytes) => {
        const startedAt = deps.clock.now().toISOString();
        try {
          latest = {
            ok: true,
            result: await ocr().readDocument(bytes, { today: deps.clock.now() }),
            startedAt,
          };
        } catch (e) {
          const explained = explainReadFailure(e, deps.clock.now());
          latest = isAppError(explained)
            ? { ok: false, code: explained.code, params: explained.params }
            : { ok: false, code: 'internal' };
        }
      },
    });
  };
  return {
    /** The newest card read since the last call, or null. */
    take: (): ScannedCard | null => {
      start();
      const card = latest;
      latest = null;
      return card;
    },
    ready: async (): Promise<void> => {
      start();
      await watcher?.ready;
    },
    close: async (): Promise<void> => {
      await watcher?.close();
      watcher = undefined;
    },
  };
};
