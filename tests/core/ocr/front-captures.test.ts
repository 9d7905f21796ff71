import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderFront, withLetter, type FrontHolder } from '../identity/helpers/front-cards';
import { useOcrSuite } from './helpers/ocr-suite';

// Card fronts as they reach the desk, drawn by the test helper (synthetic holders), read by the
// real service. A loaded test machine must not run out of the escalation budget before the
// stronger passes these need: each reading gets a generous one.
const suite = useOcrSuite('front-captures');
const today = new Date('2026-11-28T00:00:00Z');
const read = (image: Buffer) => suite.service.readDocument(image, { today, budgetMs: 60_000 });

const holder: FrontHolder = {
  surname1: 'CASTRO',
  surname2: 'VIDAL',
  given: 'TOMÁS',
  sex: 'M',
  nationality: 'ESP',
  birth: '1979-11-23',
  issue: '2021-04-08',
  expiry: '2031-04-08',
  number: '63017470',
  support: 'BKR704152',
};

const everyField = {
  document_number: withLetter(holder.number),
  surname1: holder.surname1,
  surname2: holder.surname2,
  given_names: holder.given,
  sex: holder.sex,
  nationality: holder.nationality,
  birth_date: holder.birth,
  expiry_date: holder.expiry,
  support_number: holder.support,
};

/** A stamp printed the other way up across the page below the card, longer than any card line. */
const stamp = (): Buffer =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="90">` +
      `<text x="10" y="60" font-family="DejaVu Sans" font-size="34" fill="#222222">` +
      `REGISTRO DE ENTRADA 2026 AYUNTAMIENTO OFICINA 4</text></svg>`,
  );

describe('card fronts as they reach the desk', () => {
  it('reads a front whose longest line is printed the other way up', async () => {
    const scan = await renderFront(holder, 'dni4');
    const decoy = await sharp(stamp()).rotate(180).png().toBuffer();
    const page = await sharp(scan)
      .extend({ bottom: 100, background: '#fbfbf9' })
      .composite([{ input: decoy, left: 30, top: 850 }])
      .png()
      .toBuffer();
    const r = await read(page);
    expect(r.source).toBe('front');
    expect(r.document).toMatchObject({
      document_number: everyField.document_number,
      birth_date: holder.birth,
      expiry_date: holder.expiry,
    });
  }, 120_000);

  it.each([
    ['sharp', 0],
    ['slightly blurred', 0.8],
  ])(
    'reads a worn front, %s, with its ink at a quarter of its contrast',
    async (_, blur) => {
      // Ink lightened towards the white page: the small grey labels fade first.
      const faded = sharp(await renderFront(holder, 'dni3')).linear(0.25, 255 * 0.75);
      const r = await read(
        await (blur > 0 ? faded.blur(blur) : faded).jpeg({ quality: 88 }).toBuffer(),
      );
      expect(r.document).toMatchObject(everyField);
    },
    120_000,
  );

  it('reads a front photographed from afar on a light desk', async () => {
    // The card two fifths of the frame wide, on a desk nearly as light as the card, lit from one side.
    const card = await sharp(await renderFront(holder, 'dni3'))
      .extract({ left: 100, top: 80, width: 1032, height: 658 })
      .resize(700)
      .png()
      .toBuffer();
    const desk = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1760" height="1320">` +
        `<defs><linearGradient id="g"><stop offset="0" stop-color="#d6d6d2"/>` +
        `<stop offset="1" stop-color="#b9b9b5"/></linearGradient></defs>` +
        `<rect width="1760" height="1320" fill="url(#g)"/></svg>`,
    );
    const photo = await sharp(desk)
      .composite([{ input: card, left: 620, top: 480 }])
      .jpeg({ quality: 85 })
      .toBuffer();
    const r = await read(photo);
    expect(r.document).toMatchObject(everyField);
  }, 120_000);
});
