import type { MrzFormat } from './mrz-layout';

/**
 * Character classes per MRZ position:
 * `A` letter, `a` letter or filler, `N` digit, `n` digit or filler, `X` letter or digit,
 * `x` letter, digit or filler, `<` filler only, `S` sex (M, F, X or filler).
 */
export type MaskKind = 'generic' | 'dni' | 'tie' | 'esp_passport' | 'esp_passport_no_dni';

export interface MrzMask {
  kind: MaskKind;
  format: MrzFormat;
  lines: readonly string[];
}

const r = (cls: string, n: number): string => cls.repeat(n);

const TD1_L1_GENERIC = `${r('N', 7)}S${r('N', 7)}${r('a', 3)}${r('x', 11)}N`;
const TD1_L1_ESP = `${r('N', 7)}S${r('N', 7)}${r('A', 3)}${r('<', 11)}N`;
const TD3_L1_TAIL = `N${r('A', 3)}${r('N', 7)}S${r('N', 7)}`;

const MASKS: readonly MrzMask[] = [
  {
    kind: 'generic',
    format: 'TD1',
    // 'n' at the check: a long number has '<' there and goes on in the optional data.
    lines: [`${r('a', 5)}${r('x', 9)}n${r('x', 15)}`, TD1_L1_GENERIC, r('a', 30)],
  },
  // Spanish DNI: the TD1 document number is the support number (3 letters + 6 digits);
  // the DNI itself (8 digits + letter) sits in the optional data.
  {
    kind: 'dni',
    format: 'TD1',
    lines: [`${r('A', 5)}AAANNNNNNN${r('N', 8)}A${r('<', 6)}`, TD1_L1_ESP, r('a', 30)],
  },
  // Spanish TIE: support number E + 8 digits, NIE (X/Y/Z + 7 digits + letter) in the optional data.
  {
    kind: 'tie',
    format: 'TD1',
    lines: [`${r('A', 5)}A${r('N', 8)}NA${r('N', 7)}A${r('<', 6)}`, TD1_L1_ESP, r('a', 30)],
  },
  {
    kind: 'generic',
    format: 'TD2',
    lines: [r('a', 36), `${r('x', 9)}n${r('a', 3)}${r('N', 7)}S${r('N', 7)}${r('x', 7)}N`],
  },
  {
    kind: 'generic',
    format: 'TD3',
    lines: [r('a', 44), `${r('x', 9)}N${r('a', 3)}${r('N', 7)}S${r('N', 7)}${r('x', 14)}nN`],
  },
  // Spanish passport: number 3 letters + 6 digits, holder's DNI as the personal number.
  {
    kind: 'esp_passport',
    format: 'TD3',
    lines: [r('a', 44), `AAANNNNNN${TD3_L1_TAIL}${r('N', 8)}A${r('<', 5)}NN`],
  },
  {
    kind: 'esp_passport_no_dni',
    format: 'TD3',
    lines: [r('a', 44), `AAANNNNNN${TD3_L1_TAIL}${r('<', 14)}<N`],
  },
];

export const masksFor = (format: MrzFormat, spanish: boolean): MrzMask[] =>
  MASKS.filter(
    (m) => m.format === format && (spanish ? m.kind !== 'generic' : m.kind === 'generic'),
  );
