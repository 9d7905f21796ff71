import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { AppError } from '../../shared/errors';

/**
 * Engines measured on the fixtures: the legacy engine with the full `eng` data reads OCR-B
 * exactly (LSTM turns `<` runs into `K`), LSTM `spa` reads the accented front side.
 */
export type EngineKind = 'mrz_legacy' | 'mrz_lstm' | 'text_spa';

export interface OcrSymbol {
  text: string;
  confidence: number;
}

export interface OcrLine {
  text: string;
  confidence: number;
  /** Height of the line's box in pixels. */
  height: number;
  /** The line's box on the image read, in pixels. */
  box: { left: number; top: number; width: number; height: number };
  symbols: OcrSymbol[];
}

export interface OcrOutput {
  text: string;
  confidence: number;
  lines: OcrLine[];
}

const MRZ_WHITELIST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

const resolveFromHere = createRequire(import.meta.url);
const dataDir = (pkg: 'eng' | 'spa', variant: '4.0.0' | '4.0.0_best_int'): string =>
  join(dirname(resolveFromHere.resolve(`@tesseract.js-data/${pkg}/package.json`)), variant);

const SPECS: Record<
  EngineKind,
  { lang: 'eng' | 'spa'; oem: OEM; legacy: boolean; params: Record<string, string> }
> = {
  mrz_legacy: {
    lang: 'eng',
    oem: OEM.TESSERACT_ONLY,
    legacy: true,
    params: {
      tessedit_char_whitelist: MRZ_WHITELIST,
      tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
      user_defined_dpi: '300',
      classify_enable_learning: '0',
    },
  },
  mrz_lstm: {
    lang: 'eng',
    oem: OEM.LSTM_ONLY,
    legacy: false,
    params: {
      tessedit_char_whitelist: MRZ_WHITELIST,
      tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
      user_defined_dpi: '300',
    },
  },
  text_spa: {
    lang: 'spa',
    oem: OEM.LSTM_ONLY,
    legacy: false,
    params: { tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: '300' },
  },
};

export const ENGINE_KINDS: readonly EngineKind[] = ['mrz_legacy', 'mrz_lstm', 'text_spa'];

export interface EnginePool {
  recognize(kind: EngineKind, png: Buffer, timeoutMs?: number): Promise<OcrOutput>;
  /** Starts the workers of `kinds` (one at a time) and loads their traineddata. */
  warm(kinds: readonly EngineKind[]): Promise<void>;
  /** Workers started since the pool was made: a reading after warm-up must add none. */
  workersCreated(): number;
  close(): Promise<void>;
}

const toOutput = (data: Awaited<ReturnType<Worker['recognize']>>['data']): OcrOutput => {
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const symbols = line.words.flatMap((w) =>
          w.symbols.map((s) => ({ text: s.text, confidence: s.confidence })),
        );
        lines.push({
          text: line.text.replace(/\n$/, ''),
          confidence: line.confidence,
          height: line.bbox.y1 - line.bbox.y0,
          box: {
            left: line.bbox.x0,
            top: line.bbox.y0,
            width: line.bbox.x1 - line.bbox.x0,
            height: line.bbox.y1 - line.bbox.y0,
          },
          symbols,
        });
      }
    }
  }
  return { text: data.text, confidence: data.confidence, lines };
};

/**
 * One lazily created tesseract.js worker (a Node worker thread) per engine kind, reused across
 * readings. A reading that overruns its time limit terminates that worker; the next one respawns.
 */
export const createEnginePool = (opts: { cachePath: string }): EnginePool => {
  const workers = new Map<EngineKind, Promise<Worker>>();
  const queues = new Map<EngineKind, Promise<unknown>>();
  let created = 0;

  const spawn = async (kind: EngineKind): Promise<Worker> => {
    const spec = SPECS[kind];
    created++;
    const worker = await createWorker(spec.lang, spec.oem, {
      langPath: dataDir(spec.lang, spec.legacy ? '4.0.0' : '4.0.0_best_int'),
      cachePath: opts.cachePath,
      // The data ships in node_modules; caching would only copy it into the working directory.
      cacheMethod: 'none',
      gzip: true,
      legacyCore: spec.legacy,
      legacyLang: spec.legacy,
    });
    await worker.setParameters(spec.params);
    return worker;
  };

  const workerFor = (kind: EngineKind): Promise<Worker> => {
    let w = workers.get(kind);
    if (!w) {
      w = spawn(kind);
      workers.set(kind, w);
      w.catch(() => workers.delete(kind));
    }
    return w;
  };

  const run = async (kind: EngineKind, png: Buffer, timeoutMs: number): Promise<OcrOutput> => {
    const worker = await workerFor(kind);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AppError('ocr_timeout', { seconds: Math.round(timeoutMs / 1000) })),
        timeoutMs,
      );
    });
    try {
      const res = await Promise.race([
        worker.recognize(png, {}, { text: true, blocks: true }),
        timeout,
      ]);
      return toOutput(res.data);
    } catch (e) {
      if (e instanceof AppError) {
        workers.delete(kind);
        await worker.terminate().catch(() => undefined);
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    recognize(kind, png, timeoutMs = 8000) {
      // One job at a time per worker, so a time limit measures this job alone.
      const prev = queues.get(kind) ?? Promise.resolve();
      const job = prev.catch(() => undefined).then(() => run(kind, png, timeoutMs));
      queues.set(kind, job);
      return job;
    },
    async warm(kinds) {
      for (const kind of kinds) await workerFor(kind);
    },
    workersCreated: () => created,
    async close() {
      const all = [...workers.values()];
      workers.clear();
      queues.clear();
      await Promise.all(all.map(async (w) => (await w.catch(() => null))?.terminate()));
    },
  };
};
