import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrService, type OcrService } from '../../../src/core/ocr';
import { OcrResult } from '../../../src/shared/contract/ocr';
import { AppError } from '../../../src/shared/errors';
import { renderFront, withLetter, type FrontHolder, type FrontLayout } from './helpers/front-cards';

// Real tesseract on card fronts drawn after the published layouts; the full sweep over
// degradations and a second, independent generator is `npm run bench -- ocr`.
let service: OcrService;
const cache = mkdtempSync(join(tmpdir(), 'ventanilla-front-test-'));
const today = new Date('2026-11-28T00:00:00Z');

beforeAll(() => {
  service = createOcrService({ cacheDir: cache });
});
afterAll(async () => {
  await service.close();
  rmSync(cache, { recursive: true, force: true });
});

const HOLDERS: Record<FrontLayout, FrontHolder> = {
  dni4: {
    surname1: 'DEL OLMO',
    surname2: 'GARCÍA',
    given: 'LOURDES',
    sex: 'F',
    nationality: 'ESP',
    birth: '1975-03-12',
    issue: '2021-06-15',
    expiry: '2031-06-15',
    number: '41059407',
    support: 'CAA124578',
  },
  dni3: {
    surname1: 'MUÑOZ',
    surname2: 'ÁLVAREZ',
    given: 'JOSÉ MARÍA',
    sex: 'M',
    nationality: 'ESP',
    birth: '1961-09-04',
    issue: '2019-02-20',
    expiry: '2029-02-20',
    number: '30281946',
    support: 'BHX502361',
  },
  tie: {
    surname1: 'DUBOIS',
    surname2: null,
    given: 'CLAIRE',
    sex: 'F',
    nationality: 'FRA',
    birth: '1990-05-05',
    issue: '2024-05-05',
    expiry: '2029-05-05',
    number: 'X4827160',
    support: 'E01234567',
  },
};

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    return e instanceof AppError ? e.code : `unexpected ${String(e)}`;
  }
};

describe('reading card fronts through tesseract', () => {
  it.each(['dni4', 'dni3', 'tie'] as const)(
    'reads a %s front by its labels, the expiry and not the issue date',
    async (layout) => {
      const h = HOLDERS[layout];
      const r = await service.readDocument(await renderFront(h, layout), { today });
      expect(OcrResult.parse(r)).toBeTruthy();
      expect(r.source).toBe('front');
      expect(r.document).toMatchObject({
        document_type: layout === 'tie' ? 'NIE' : 'DNI',
        document_number: withLetter(h.number),
        surname1: h.surname1,
        surname2: h.surname2,
        given_names: h.given,
        sex: h.sex,
        nationality: h.nationality,
        birth_date: h.birth,
        expiry_date: h.expiry,
      });
      if (layout !== 'tie') expect(r.document.support_number).toBe(h.support);
      // Names are never confirmed by a front alone.
      expect(r.uncertain).toContain('given_names');
    },
    120_000,
  );

  it('reads a blurred JPEG of a DNI 4.0 front and flags whatever it is not sure of', async () => {
    const h = HOLDERS.dni4;
    const r = await service.readDocument(await renderFront(h, 'dni4', { jpeg: true }), { today });
    const want: Record<string, string | null> = {
      document_number: withLetter(h.number),
      surname1: h.surname1,
      given_names: h.given,
      sex: h.sex,
      birth_date: h.birth,
      expiry_date: h.expiry,
    };
    for (const [k, v] of Object.entries(want)) {
      const key = k as keyof typeof r.document;
      // Right, or flagged for the clerk: never silently wrong.
      if (r.document[key] !== v) expect(r.uncertain).toContain(key);
    }
    if (r.uncertain.some((f) => !['surname1', 'surname2', 'surnames', 'given_names'].includes(f))) {
      expect(r.warnings).toContain('read_back_side');
    }
  }, 120_000);

  it('refuses the back of a DNI whose MRZ is missing instead of reading the address as names', async () => {
    const code = await codeOf(service.readDocument(await renderFront(null, 'dni4'), { today }));
    // Refused either as no document or as a back whose MRZ could not be read.
    expect(['no_document', 'mrz_unreadable']).toContain(code);
  }, 120_000);
});
