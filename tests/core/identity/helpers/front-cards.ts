import sharp from 'sharp';
import { dniLetter } from '../../../../src/shared/document-number';

/**
 * Card fronts drawn after the published DNI 3.0, DNI 4.0 and TIE designs (300 dpi, ID-1):
 * small grey labels, values twice as tall in bold, a photo on the left. Synthetic holders.
 */
export interface FrontHolder {
  surname1: string;
  surname2: string | null;
  given: string;
  sex: 'M' | 'F';
  nationality: string;
  /** ISO dates. */
  birth: string;
  issue: string;
  expiry: string;
  /** Eight digits (DNI) or X/Y/Z and seven digits (NIE); the letter is computed. */
  number: string;
  support: string;
}

export const withLetter = (n: string): string => {
  const prefix = 'XYZ'.indexOf(n[0] ?? '');
  const digits = prefix >= 0 ? `${prefix}${n.slice(1)}` : n;
  return n + dniLetter(Number(digits));
};

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const label = (x: number, y: number, t: string): string =>
  `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="16" fill="#4b4763">${esc(t)}</text>`;
const value = (x: number, y: number, t: string, size = 28): string =>
  `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-weight="bold" font-size="${size}" fill="#151515">${esc(t)}</text>`;
const dmy = (iso: string): string => `${iso.slice(8, 10)} ${iso.slice(5, 7)} ${iso.slice(0, 4)}`;
const frame = (tint: string): string =>
  `<rect width="1012" height="638" rx="36" fill="${tint}"/>` +
  Array.from(
    { length: 10 },
    (_, i) =>
      `<path d="M0 ${50 + i * 62} Q 506 ${i * 62} 1012 ${70 + i * 62}" stroke="#dde1ea" stroke-width="2" fill="none"/>`,
  ).join('') +
  `<rect x="40" y="130" width="250" height="320" fill="#c9cdd6"/>`;

export type FrontLayout = 'dni4' | 'dni3' | 'tie';

const body = (h: FrontHolder, layout: FrontLayout): string => {
  const num = withLetter(h.number);
  if (layout === 'dni4') {
    return (
      frame('#e8eff8') +
      `<rect x="40" y="30" width="70" height="70" fill="#1f3f8a"/>` +
      value(56, 76, 'ES', 26).replace('#151515', '#f1d23a') +
      value(130, 62, 'ESPAÑA', 30) +
      label(130, 92, 'DOCUMENTO NACIONAL DE IDENTIDAD') +
      value(40, 540, `DNI ${num}`, 34) +
      label(330, 150, 'APELLIDOS / SURNAME') +
      value(330, 186, h.surname1) +
      value(330, 222, h.surname2 ?? '') +
      label(330, 262, 'NOMBRE / NAME') +
      value(330, 298, h.given) +
      label(330, 338, 'SEXO / SEX') +
      label(540, 338, 'NACIONALIDAD / NATIONALITY') +
      value(330, 374, h.sex) +
      value(540, 374, h.nationality) +
      label(330, 414, 'FECHA DE NACIMIENTO / DATE OF BIRTH') +
      value(330, 450, dmy(h.birth)) +
      label(330, 490, 'EMISIÓN / ISSUE') +
      label(640, 490, 'VÁLIDO HASTA / EXPIRY') +
      value(330, 526, dmy(h.issue)) +
      value(640, 526, dmy(h.expiry)) +
      label(330, 566, 'NÚM. SOPORTE / SUPPORT No.') +
      value(330, 598, h.support, 24) +
      label(850, 620, 'CAN 123456')
    );
  }
  if (layout === 'dni3') {
    return (
      frame('#eef3e8') +
      value(40, 62, 'ESPAÑA', 30) +
      label(40, 96, 'DOCUMENTO NACIONAL DE IDENTIDAD') +
      value(640, 70, `DNI ${num}`, 34) +
      label(330, 150, 'PRIMER APELLIDO') +
      value(330, 186, h.surname1) +
      label(330, 226, 'SEGUNDO APELLIDO') +
      value(330, 262, h.surname2 ?? '') +
      label(330, 302, 'NOMBRE') +
      value(330, 338, h.given) +
      label(330, 378, 'SEXO') +
      label(430, 378, 'NACIONALIDAD') +
      label(640, 378, 'FECHA DE NACIMIENTO') +
      value(330, 414, h.sex) +
      value(430, 414, h.nationality) +
      value(640, 414, dmy(h.birth)) +
      label(330, 454, 'IDESP') +
      label(640, 454, 'VALIDEZ') +
      value(330, 490, h.support) +
      value(640, 490, dmy(h.expiry))
    );
  }
  return (
    frame('#f3efe6') +
    value(40, 62, 'PERMISO DE RESIDENCIA', 28) +
    label(40, 96, 'TARJETA DE IDENTIDAD DE EXTRANJERO') +
    value(640, 70, `NIE ${num}`, 32) +
    label(330, 150, 'APELLIDOS') +
    value(330, 186, [h.surname1, h.surname2].filter(Boolean).join(' ')) +
    label(330, 226, 'NOMBRE') +
    value(330, 262, h.given) +
    label(330, 302, 'NACIONALIDAD') +
    label(560, 302, 'SEXO') +
    value(330, 338, h.nationality) +
    value(560, 338, h.sex) +
    label(330, 378, 'FECHA DE NACIMIENTO') +
    value(330, 414, dmy(h.birth)) +
    label(330, 454, 'VÁLIDO HASTA') +
    value(330, 490, dmy(h.expiry)) +
    label(330, 530, 'TIPO DE PERMISO') +
    value(330, 566, 'RESIDENCIA TEMPORAL', 24)
  );
};

/** The back of a DNI whose MRZ was cut off the scan: labels and an address block only. */
const backBody = (): string =>
  frame('#eef2f8').replace(/<rect x="40" y="130"[^>]*\/>/, '') +
  label(40, 60, 'LUGAR DE NACIMIENTO / PLACE OF BIRTH') +
  value(40, 96, 'VILLANUEVA DEL CAMPO', 24) +
  label(40, 140, 'HIJO/A DE / SON/DAUGHTER OF') +
  value(40, 176, 'ANTONIO / ROSA', 24) +
  label(40, 220, 'DOMICILIO / ADDRESS') +
  value(40, 256, 'C. MAYOR 12', 24) +
  value(40, 290, 'DEL OLMO GARCIA LOURDES', 24) +
  label(40, 334, 'EQUIPO / TEAM') +
  value(40, 366, '28000L5S1', 22);

/** A flatbed scan of the card: a light page, the card off the corner. */
export const renderFront = async (
  h: FrontHolder | null,
  layout: FrontLayout,
  opts: { jpeg?: boolean } = {},
): Promise<Buffer> => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1012" height="638">${h ? body(h, layout) : backBody()}</svg>`;
  const card = await sharp(Buffer.from(svg)).png().toBuffer();
  const page = sharp({
    create: { width: 1260, height: 860, channels: 3, background: '#fbfbf9' },
  }).composite([{ input: card, left: 110, top: 90 }]);
  if (!opts.jpeg) return page.png().toBuffer();
  const flat = await page.png().toBuffer();
  return sharp(flat).blur(0.9).jpeg({ quality: 55 }).toBuffer();
};
