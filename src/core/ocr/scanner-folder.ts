import { readFile, rm } from 'node:fs/promises';
import { watch } from 'chokidar';

export interface WatchOptions {
  dir: string;
  /** How long a read image stays for a re-scan; 0 deletes it right after reading. */
  retentionMs: number;
  /** Called with the file's bytes (held in memory only) once the file is complete. */
  onDocument: (file: string, bytes: Buffer) => Promise<void> | void;
  onError?: (file: string, error: unknown) => void;
  /** How long the size must stay unchanged before a file counts as complete. */
  stableMs?: number;
}

export interface ScannerWatcher {
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches the scanner's output folder, which belongs to Ventanilla. Each complete file is
 * read into memory, announced, and deleted (now, or after the retention window) for privacy.
 */
export const watchScannerFolder = (opts: WatchOptions): ScannerWatcher => {
  const timers = new Map<NodeJS.Timeout, string>();
  const remove = (file: string): void => {
    void rm(file, { force: true }).catch((e: unknown) => opts.onError?.(file, e));
  };
  const watcher = watch(opts.dir, {
    ignoreInitial: false,
    depth: 0,
    awaitWriteFinish: { stabilityThreshold: opts.stableMs ?? 500, pollInterval: 100 },
    ignored: (path, stats) => Boolean(stats?.isFile()) && /(^|[/\\])\./.test(path),
  });
  watcher.on('add', (file: string) => {
    void (async () => {
      try {
        const bytes = await readFile(file);
        await opts.onDocument(file, bytes);
      } catch (e) {
        opts.onError?.(file, e);
      } finally {
        if (opts.retentionMs <= 0) remove(file);
        else {
          const t = setTimeout(() => {
            timers.delete(t);
            remove(file);
          }, opts.retentionMs);
          timers.set(t, file);
        }
      }
    })();
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      // Pending retention ends with the watcher: no image outlives the session.
      const pending = [...timers.entries()];
      timers.clear();
      for (const [t] of pending) clearTimeout(t);
      await watcher.close();
      await Promise.all(
        pending.map(([, file]) => rm(file, { force: true }).catch(() => undefined)),
      );
    },
  };
};
