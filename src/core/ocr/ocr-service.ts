import type { OcrDocumentField, OcrResult } from '../../shared/contract/ocr';
import { AppError } from '../../shared/errors';
import { privateDir } from '../platform/private-files';
import { parseDniFront, type FrontReading } from '../identity/dni-front';
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
/** A doubtful front is read again larger: blur and JPEG blocks then hide fewer strokes. */
const FRONT_RETRY_WIDTH = 1800;

const CHECKED_FRONT_FIELDS = [
  'document_number',
  'support_number',
  'birth_date',
  'expiry_date',
  'sex',
  'nationality',
] as const;

/** Fields besides the names that the reading missed or had to repair. */
const frontGaps = (r: FrontReading): number =>
  r.recognised
    ? CHECKED_FRONT_FIELDS.filter((k) => r.document[k] === null || r.uncertain.includes(k)).length
    : Number.POSITIVE_INFINITY;

const accents = (s: string | null): number => (s ?? '').replace(/[A-Z\s'-]/g, '').length;
const bare = (s: string | null): string =>
  (s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/**
 * Of two readings of one front, the one with fewer gaps. Where both spell the names alike
 * but for accents, the accented spelling wins: the text model drops accents far more often
 * than it invents them (the names stay flagged for the clerk either way).
 */
const betterFront = (a: FrontReading, b: FrontReading): FrontReading => {
  const best = frontGaps(b) < frontGaps(a) ? b : a;
  const other = best === a ? b : a;
  if (!best.recognised || !other.recognised) return best;
  const document = { ...best.document };
  for (const k of ['surname1', 'surname2', 'given_names'] as const) {
    const mine = document[k];
    const theirs = other.document[k];
    if (mine && theirs && bare(mine) === bare(theirs) && accents(theirs) > accents(mine)) {
      document[k] = theirs;
    }
  }
  document.surnames = [document.surname1, document.surname2].filter(Boolean).join(' ') || null;
  return { ...best, document };
};

const readFront = async (
  pool: ReturnType<typeof createEnginePool>,
  page: PreparedPage,
  today: Date,
  timeoutMs: number,
): Promise<OcrResult> => {
  const readAt = async (width: number): Promise<{ front: FrontReading; confidence: number }> => {
    const out = await pool.recognize('text_spa', await frontImage(page, width), timeoutMs);
    return { front: parseDniFront(out.lines), confidence: out.confidence };
  };
  let { front, confidence } = await readAt(FRONT_WIDTH);
  if (frontGaps(front) > 0) {
    const retry = await readAt(FRONT_RETRY_WIDTH);
    const chosen = betterFront(front, retry.front);
    if (chosen.document.document_number === retry.front.document.document_number) {
      confidence = Math.max(confidence, retry.confidence);
    }
    front = chosen;
  }
  if (!front.recognised) throw new AppError('no_document');
  return {
    document: front.document,
    source: 'front',
    mrz: null,
    confidence: Math.min(1, confidence / 100) * 0.8,
    uncertain: front.uncertain,
    warnings: documentWarnings(front.document, today),
  };
};

export const createOcrService = (opts: { cacheDir: string }): OcrService => {
  privateDir(opts.cacheDir);
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
