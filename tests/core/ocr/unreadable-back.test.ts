import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrService, type OcrService } from '../../../src/core/ocr';
import { decodeImage } from '../../../src/core/ocr/image-input';
import { preparePage } from '../../../src/core/ocr/page-prep';
import { AppError } from '../../../src/shared/errors';
import { translateError } from '../../../src/shared/i18n';
import { ensureFixtures, GENERATED_DIR } from '../../fixtures/cards/generate';

let service: OcrService;
const cache = mkdtempSync(join(tmpdir(), 'ventanilla-ocr-back-'));
const today = new Date('2026-11-28T00:00:00Z');
const BACK = 'dni_back-0-clean.png';

beforeAll(async () => {
  await ensureFixtures(1);
  service = createOcrService({ cacheDir: cache });
}, 120_000);
afterAll(async () => {
  await service.close();
  rmSync(cache, { recursive: true, force: true });
});

/** The back with its MRZ painted over by `patch` (white, or a heavy blur of itself). */
const spoiled = async (patch: 'white' | 'blur'): Promise<Buffer> => {
  const bytes = readFileSync(join(GENERATED_DIR, BACK));
  const zone = (await preparePage(await decodeImage(bytes))).mrz;
  if (!zone) throw new Error('the clean back has no MRZ to spoil');
  const area = { left: zone.left, top: zone.top, width: zone.width, height: zone.height };
  const cover =
    patch === 'white'
      ? await sharp({ create: { ...area, channels: 3, background: '#fff' } })
          .png()
          .toBuffer()
      : await sharp(bytes).extract(area).blur(9).png().toBuffer();
  return sharp(bytes)
    .composite([{ input: cover, left: area.left, top: area.top }])
    .png()
    .toBuffer();
};

const outcome = async (bytes: Buffer) => {
  try {
    return { ok: true, result: await service.readDocument(bytes, { today }) };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const shape = e.toShape();
    return {
      ok: false,
      code: e.code,
      es: translateError('es', shape),
      en: translateError('en', shape),
    };
  }
};

describe('a DNI back whose MRZ cannot be read', () => {
  it.each(['white', 'blur'] as const)(
    'is refused with a translated reason, never read as a front (MRZ %s)',
    async (patch) => {
      const r = await outcome(await spoiled(patch));
      expect(r.ok).toBe(false);
      expect(['mrz_unreadable', 'mrz_check_failed']).toContain(r.code);
      expect(r.es).toMatch(/reverso|vuelva a escanear/);
      expect(r.en).toMatch(/back|scan the document again/);
      expect(r.es).not.toContain('errors.');
    },
    60_000,
  );
});
