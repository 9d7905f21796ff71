import { mkdirSync } from 'node:fs';
import type { OcrDocumentField, OcrResult } from '../../shared/contract/ocr';
import { AppError } from '../../shared/errors';
import { parseDniFront } from '../identity/dni-front';
import { mergeFrontBack } from '../identity/front-back';
import { documentWarnings } from '../identity/warnings';
import { createEnginePool, ENGINE_KINDS } from './engine-pool';
import { decodeImage } from './image-input';
import { readMrzBand } from './mrz-reader';
import { frontImage, preparePage, type PreparedPage } from './page-prep';

export interface ReadOptions {
  /** Per OCR call; a blank or hostile image must never hang the counter. */
  timeoutMs?: number;
  /** Reference date for expiry and age warnings. */
  today?: Date;
}

export interface OcrService {
  /** Reads one image held in memory. Throws AppError with a translated code on failure. */
  readDocument(bytes: Buffer, opts?: ReadOptions): Promise<OcrResult>;
  /** Reads the front and back of one card and cross-checks them. */
  readCard(front: Buffer, back: Buffer, opts?: ReadOptions): Promise<OcrResult>;
  /**
   * Starts every worker and loads its traineddata without reading an image, so the first
   * card reads warm. Call it at start-up in the background; it never rejects (a broken
   * engine shows up, translated, on the first reading instead). Repeated calls share one run.
   */
  warmUp(): Promise<void>;
  /** Pool counters, for diagnostics and tests. */
  stats(): { workersCreated: number };
  close(): Promise<void>;
}

/** Front text is read at this width: enough for 4 mm letters, far cheaper than full size. */
const FRONT_WIDTH = 1400;

const readFront = async (
  pool: ReturnType<typeof createEnginePool>,
  page: PreparedPage,
  today: Date,
  timeoutMs: number,
): Promise<OcrResult> => {
  const png = await frontImage(page, FRONT_WIDTH);
  const out = await pool.recognize('text_spa', png, timeoutMs);
  const front = parseDniFront(out.lines);
  if (!front.recognised) throw new AppError('no_document');
  return {
    document: front.document,
    source: 'front',
    mrz: null,
    confidence: Math.min(1, out.confidence / 100) * 0.8,
    uncertain: front.uncertain,
    warnings: documentWarnings(front.document, today),
  };
};

export const createOcrService = (opts: { cacheDir: string }): OcrService => {
  mkdirSync(opts.cacheDir, { recursive: true });
  const pool = createEnginePool({ cachePath: opts.cacheDir });
  let warming: Promise<void> | undefined;

  const readDocument = async (bytes: Buffer, ro: ReadOptions = {}): Promise<OcrResult> => {
    const today = ro.today ?? new Date();
    const timeoutMs = ro.timeoutMs ?? 10_000;
    const grey = await decodeImage(bytes);
    const page = await preparePage(grey);
    if (!page.hasText) throw new AppError('no_document');
    if (page.mrz) {
      const outcome = await readMrzBand(pool, page, { today, timeoutMs });
      if (outcome.mrz) {
        const m = outcome.mrz;
        return {
          document: m.document,
          source: 'mrz',
          mrz: { format: m.format, lines: m.lines, checks: m.checks, valid: m.valid },
          confidence: Number(outcome.confidence.toFixed(2)),
          uncertain: outcome.uncertain,
          warnings: documentWarnings(m.document, today),
        };
      }
      if (outcome.partialLines) {
        throw new AppError('mrz_check_failed', { lines: outcome.partialLines.join('\n') });
      }
    }
    return readFront(pool, page, today, timeoutMs);
  };

  return {
    readDocument,
    async readCard(front, back, ro = {}) {
      const [a, b] = await Promise.all([readDocument(front, ro), readDocument(back, ro)]);
      return mergeFrontBack(a, b, ro.today ?? new Date());
    },
    warmUp: () => (warming ??= pool.warm(ENGINE_KINDS).catch(() => undefined)),
    stats: () => ({ workersCreated: pool.workersCreated() }),
    close: () => pool.close(),
  };
};

export type { OcrDocumentField };
