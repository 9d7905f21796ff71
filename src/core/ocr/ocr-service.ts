import type { OcrDocumentField, OcrResult } from '../../shared/contract/ocr';
import { AppError } from '../../shared/errors';
import { privateDir } from '../platform/private-files';
import { parseDniFront, type FrontReading } from '../identity/dni-front';
import { mergeFrontBack } from '../identity/front-back';
import { frontGaps, mergeFronts } from '../identity/front-merge';
import { documentWarnings, frontWarnings } from '../identity/warnings';
import { startBudget, type Budget } from './budget';
import { createEnginePool, ENGINE_KINDS, type OcrLine } from './engine-pool';
import { zoomedImage, zoomToText } from './front-zoom';
import { looksLikeBack } from './document-side';
import { decodeImage } from './image-input';
import { LEGACY_LADDER, readMrzBand, type MrzOutcome } from './mrz-reader';
import { flipPage, frontImage, preparePage, probeImage, type PreparedPage } from './page-prep';

export interface ReadOptions {
  /** Per OCR call; a blank or hostile image must never hang the counter. */
  timeoutMs?: number;
  /** Reference date for expiry and age warnings. */
  today?: Date;
  /**
   * After this many ms of CPU time no stronger pass (another variant, the other way up) is
   * started: a hopeless image gets a translated "could not read" in seconds, not a timeout.
   */
  budgetMs?: number;
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
/** Measured: a clean reading takes well under a second of CPU; escalations stop after this. */
const HARD_CASE_BUDGET_MS = 2500;

interface FrontAttempt {
  result: OcrResult | null;
  /** The reading showed the back of a card: its labels or MRZ-like lines. */
  back: boolean;
}

/**
 * The front, read the way up the probe chose; when that reading is no front at all, its text
 * cut out if it fills only part of the frame (a card far from the camera), else the other way
 * up once (a probe line cut short can read better upside down); then larger if doubtful.
 */
const readFront = async (
  pool: ReturnType<typeof createEnginePool>,
  sides: { upright: PreparedPage; otherWay: () => Promise<PreparedPage> },
  opts: { today: Date; timeoutMs: number; budget: Budget },
): Promise<FrontAttempt> => {
  const { today, timeoutMs } = opts;
  let render = (p: PreparedPage, width: number, faint: boolean): Promise<Buffer> =>
    frontImage(p, width, { faint });
  const readAt = async (
    page: PreparedPage,
    width: number,
    faint = false,
  ): Promise<{ front: FrontReading; confidence: number; back: boolean; lines: OcrLine[] }> => {
    const out = await pool.recognize('text_spa', await render(page, width, faint), timeoutMs);
    return {
      lines: out.lines,
      front: parseDniFront(out.lines),
      confidence: out.confidence,
      back: looksLikeBack(out.lines),
    };
  };
  let page = sides.upright;
  let first = await readAt(page, FRONT_WIDTH);
  if (first.back) return { result: null, back: true };
  const far = frontGaps(first.front) > 0 ? await zoomToText(page, first.lines, FRONT_WIDTH) : null;
  if (far && !opts.budget.spent()) {
    const asFrame = render;
    render = (p, width) => zoomedImage(p, width);
    const near = await readAt(far, FRONT_WIDTH);
    if (near.back) return { result: null, back: true };
    if (near.front.recognised) {
      page = far;
      first = { ...near, front: mergeFronts(first.front, near.front) };
    } else render = asFrame;
  }
  if (!first.front.recognised && !opts.budget.spent()) {
    const turned = await sides.otherWay();
    const other = await readAt(turned, FRONT_WIDTH);
    if (other.front.recognised || other.back) [page, first] = [turned, other];
    if (first.back) return { result: null, back: true };
  }
  let { front, confidence } = first;
  if (frontGaps(front) > 0) {
    // Larger, and with the cut following the ink: a worn card's small labels are faint.
    const retry = await readAt(page, FRONT_RETRY_WIDTH, true);
    if (retry.back) return { result: null, back: true };
    const chosen = mergeFronts(front, retry.front);
    if (chosen.document.document_number === retry.front.document.document_number) {
      confidence = Math.max(confidence, retry.confidence);
    }
    front = chosen;
  }
  if (!front.recognised) return { result: null, back: false };
  return {
    back: false,
    result: {
      document: front.document,
      source: 'front',
      mrz: null,
      confidence: Math.min(1, confidence / 100) * 0.8,
      uncertain: front.uncertain,
      warnings: frontWarnings(front.document, front.uncertain, today),
    },
  };
};

/** Glyphs on a busy card side are ~200 (measured: fronts 85-180, backs up to 240). */
const MAX_CARD_GLYPHS = 450;
/** Confidence points by which the turned probe must beat the upright one. */
const TURNED_MARGIN = 10;

/**
 * The text direction leaves 0° and 180° open. The longest line read both ways decides: an
 * upside-down line reads as low-confidence noise. Two small readings, not a whole side twice.
 */
const upsideDown = async (
  pool: ReturnType<typeof createEnginePool>,
  page: PreparedPage,
  timeoutMs: number,
): Promise<boolean> => {
  const [asIs, turned] = await Promise.all([probeImage(page, false), probeImage(page, true)]);
  if (!asIs || !turned) return false;
  const a = await pool.recognize('text_spa', asIs, timeoutMs);
  const b = await pool.recognize('text_spa', turned, timeoutMs);
  return b.confidence > a.confidence + TURNED_MARGIN;
};

/** Check digits passed that make the way up plain: an upside-down reading passes none. */
const UPRIGHT_CHECKS = 2;

/**
 * The MRZ at its found place, the fast path being one legacy reading. The text direction
 * leaves 0° and 180° open: if the first reading fails, the other way up is tried once, and
 * the stronger variants run only on the way up that passed more checks, within the budget.
 * A reading whose number an LSTM reading does not confirm also tries the stronger variants
 * (the legacy engine may have mended a misread letter into another valid number); it stands,
 * flagged, when none does better.
 */
const readMrzEitherWay = async (
  pool: ReturnType<typeof createEnginePool>,
  page: PreparedPage,
  opts: { today: Date; timeoutMs: number; budget: Budget },
): Promise<MrzOutcome> => {
  const [first, ...rest] = LEGACY_LADDER;
  const once = first ? [first] : [];
  const up = await readMrzBand(pool, page, { ...opts, variants: once });
  if (up.mrz && up.numberConfirmed) return up;
  let best = { outcome: up, page };
  if (!up.mrz && up.partialChecks < UPRIGHT_CHECKS && !opts.budget.spent()) {
    const flipped = await flipPage(page);
    const down = await readMrzBand(pool, flipped, { ...opts, variants: once });
    if (down.mrz) return down;
    if (down.partialChecks > up.partialChecks) best = { outcome: down, page: flipped };
  }
  const held = best.outcome;
  if (held.mrz) {
    const more = await readMrzBand(pool, page, { ...opts, variants: rest });
    return more.mrz?.valid && more.numberConfirmed ? more : held;
  }
  const more = await readMrzBand(pool, best.page, {
    ...opts,
    variants: rest,
    seed: held.partial,
    repair: true,
  });
  return more.mrz || more.partialChecks > held.partialChecks ? more : held;
};

export const createOcrService = (opts: { cacheDir: string }): OcrService => {
  privateDir(opts.cacheDir);
  const pool = createEnginePool({ cachePath: opts.cacheDir });
  let warming: Promise<void> | undefined;

  const readDocument = async (bytes: Buffer, ro: ReadOptions = {}): Promise<OcrResult> => {
    const budget = startBudget(ro.budgetMs ?? HARD_CASE_BUDGET_MS);
    const today = ro.today ?? new Date();
    const timeoutMs = ro.timeoutMs ?? 10_000;
    const grey = await decodeImage(bytes);
    const page = await preparePage(grey);
    if (!page.hasText) throw new AppError('no_document');
    if (page.mrz) {
      const outcome = await readMrzEitherWay(pool, page, { today, timeoutMs, budget });
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
      // Machine-readable lines were read but fail their checks: a back, never a front.
      if (outcome.partialLines) {
        throw new AppError('mrz_check_failed', { lines: outcome.partialLines.join('\n') });
      }
    }
    // A card side holds a few hundred characters at most; a page of prose is no document.
    if (page.glyphs > MAX_CARD_GLYPHS) throw new AppError('no_document');
    const turned = await upsideDown(pool, page, timeoutMs);
    const sides = {
      upright: turned ? await flipPage(page) : page,
      otherWay: async () => (turned ? page : flipPage(page)),
    };
    const front = await readFront(pool, sides, { today, timeoutMs, budget });
    if (front.result && !front.back) return front.result;
    // A back whose MRZ we could not read (a receipt's fixed-pitch lines may look like a zone).
    if (front.back) throw new AppError('mrz_unreadable');
    throw new AppError('no_document');
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
