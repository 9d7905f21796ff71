import { describe, expect, it } from 'vitest';
import { readMrzText, type MrzInterpretation } from '../../../src/core/identity/mrz-read';
import { adoptWitnessSpelling, repairFromWitness } from '../../../src/core/ocr/mrz-witness';

const today = new Date('2026-12-04T00:00:00Z');
const read = (lines: string[]): MrzInterpretation => {
  const m = readMrzText(lines.join('\n'), today);
  if (!m) throw new Error('not an MRZ');
  return m;
};

// A DNI 4.0 back as the legacy engine read it off a blurred scan: W of the support number as H.
const LEGACY_BACK = [
  'IDESPCZH698032914693108H<<<<<<',
  '8609041M3103049ESP<<<<<<<<<<<7',
  'SAN<JUAN<VAZQUEZ<<RUBEN<<<<<<<',
];
// The LSTM engine on the same band: the letters right, the fillers garbled.
const LSTM_BACK = [
  'IDESPCZW698032914693108H<<<<K<LK',
  '8609041M3103049ESP<<LLLLLLKLKKLY',
  'SAN<SJUANKVAZQUEZ<<KRUBEN<<<<K<LKK',
].join('\n');

describe('mending a failed check from the LSTM reading', () => {
  it('takes the witness letter the check digit confirms, and flags the field it changed', () => {
    const legacy = read(LEGACY_BACK);
    expect(legacy.valid).toBe(false);
    const mended = repairFromWitness(legacy, LSTM_BACK, today);
    expect(mended?.mrz.valid).toBe(true);
    expect(mended?.mrz.document.support_number).toBe('CZW698032');
    expect(mended?.mrz.document.document_number).toBe('14693108H');
    expect(mended?.changed).toEqual(['support_number']);
  });

  it('mends nothing when the witness reads a letter the check refuses', () => {
    const witness = LSTM_BACK.replace('CZW', 'CZU');
    expect(repairFromWitness(read(LEGACY_BACK), witness, today)).toBeNull();
  });

  it('mends nothing when two witness spellings both pass (W and M weigh alike in the check)', () => {
    const witness = `${LSTM_BACK}\nIDESPCZM698032914693108H<<<<<<`;
    expect(repairFromWitness(read(LEGACY_BACK), witness, today)).toBeNull();
  });

  it('leaves a field alone when the witness differs from it in more than two glyphs', () => {
    const witness = LSTM_BACK.replace('CZW698032', 'CZW690000');
    expect(repairFromWitness(read(LEGACY_BACK), witness, today)).toBeNull();
  });
});

// A TIE back off a shaken phone photo: the legacy engine reads every M of the names as H.
const LEGACY_TIE = [
  'IRESPE090399134X9497361V<<<<<<',
  '8006042F3109085MAR<<<<<<<<<<<3',
  'AIT<OUAHHANE<<FATIHA<ZAHRA<<<<',
];

describe('a name spelling from the LSTM witnesses', () => {
  it('undoes the legacy engine’s M-as-H slip when one witness shows it and none has the legacy spelling', () => {
    const { mrz: m, changed } = adoptWitnessSpelling(read(LEGACY_TIE), [
      'AIT<OUAHMANEKLK<KFATIMA<KZAHRAKLKLKLL',
      'AIT<OUAHRANE<<FATIMA<CZAHRA<KLLL',
      'AITKOUAHBANE<<FATINA<ZAHRA',
    ]);
    expect(m.document.surnames).toBe('AIT OUAHMANE');
    expect(m.document.given_names).toBe('FATIMA ZAHRA');
    expect(changed).toEqual(expect.arrayContaining(['surnames', 'given_names']));
  });

  it('keeps the legacy spelling when a witness reads it too', () => {
    const { mrz: m } = adoptWitnessSpelling(read(LEGACY_TIE), [
      'AIT<OUAHMANEKLK<KFATIMA<KZAHRA',
      'AIT<OUAHHANE<<FATIHA<CZAHRA',
    ]);
    expect(m.document.surnames).toBe('AIT OUAHHANE');
    expect(m.document.given_names).toBe('FATIHA ZAHRA');
  });

  it('takes no slip that is not one (R for H), but a spelling two witnesses agree on', () => {
    const { mrz: lone } = adoptWitnessSpelling(read(LEGACY_TIE), [
      'AIT<OUAHRANE<<FATIHA',
      'AIT<OUAHPANE',
    ]);
    expect(lone.document.surnames).toBe('AIT OUAHHANE');
    const agreed = adoptWitnessSpelling(read(LEGACY_TIE), [
      'AIT<OUAHRANE<<FATIHA',
      'AIT<OUAHRANE<<FATIHA',
      'AIT<OUAHPANE',
    ]);
    expect(agreed.mrz.document.surnames).toBe('AIT OUAHRANE');
    expect(agreed.changed).toContain('surnames');
  });

  it('keeps the legacy spelling a witness backs against two that agree on another', () => {
    // Two witnesses may share a binarisation and so its slips (ALAOUI read as ALAQUI on both).
    const { mrz, changed } = adoptWitnessSpelling(read(LEGACY_TIE), [
      'AIT<OUAHHANE<<FATIHA<ZAHRA',
      'AIT<OUAHHANE<<FATIMA<ZAHRA',
      'AIT<OUAHHANE<<FATIMA<ZAHRA',
    ]);
    expect(mrz.document.given_names).toBe('FATIHA ZAHRA');
    expect(changed).toEqual([]);
  });
});
