import { plain } from './front-text';

/**
 * Common Spanish given names and surnames whose official spelling carries an accent, a
 * diaeresis or Ñ. The text model drops those marks far more often than it invents them, so a
 * word read bare that matches one of these is given its printed spelling. Front names stay
 * flagged for the clerk whatever this returns.
 */
const ACCENTED = [
  // Given names.
  'ÁNGEL',
  'ÁNGELA',
  'ÁNGELES',
  'ÁFRICA',
  'ADRIÁN',
  'ANDRÉS',
  'BEGOÑA',
  'BELÉN',
  'CONCEPCIÓN',
  'CRISTÓBAL',
  'DAMIÁN',
  'ELÍAS',
  'FÉLIX',
  'GERMÁN',
  'HÉCTOR',
  'IÑAKI',
  'IÑIGO',
  'INÉS',
  'IVÁN',
  'JESÚS',
  'JOAQUÍN',
  'JOSÉ',
  'JULIÁN',
  'LUCÍA',
  'MARÍA',
  'MARTÍN',
  'MÓNICA',
  'NICOLÁS',
  'ÓSCAR',
  'RAMÓN',
  'RAÚL',
  'ROCÍO',
  'RUBÉN',
  'SEBASTIÁN',
  'SOFÍA',
  'TOMÁS',
  'VERÓNICA',
  'VÍCTOR',
  // Surnames.
  'AGÜERO',
  'ÁLVAREZ',
  'BÁEZ',
  'BLÁZQUEZ',
  'CASTAÑO',
  'CASTAÑEDA',
  'DÍAZ',
  'DOMÍNGUEZ',
  'FERNÁNDEZ',
  'GALÁN',
  'GARCÍA',
  'GÓMEZ',
  'GONZÁLEZ',
  'GUTIÉRREZ',
  'HERNÁNDEZ',
  'IBÁÑEZ',
  'JIMÉNEZ',
  'LÓPEZ',
  'MARQUÉS',
  'MÁRQUEZ',
  'MARTÍNEZ',
  'MÉNDEZ',
  'MUÑOZ',
  'NÚÑEZ',
  'ORDÓÑEZ',
  'PEÑA',
  'PÉREZ',
  'RAMÍREZ',
  'RÍOS',
  'RÍO',
  'RODRÍGUEZ',
  'ROMÁN',
  'SÁEZ',
  'SÁNCHEZ',
  'SUÁREZ',
  'VÁZQUEZ',
  'VELÁZQUEZ',
  'YÁÑEZ',
];

const BY_BARE = new Map(ACCENTED.map((w) => [plain(w), w]));

/**
 * The name with each bare word (read without any mark) given its usual Spanish spelling.
 * For a DNI only: on a foreigner's card MARTIN or MARIA are spelled so.
 */
export const withAccents = (name: string | null): string | null =>
  name && name.replace(/\p{L}+/gu, (w) => (w === plain(w) ? (BY_BARE.get(w) ?? w) : w));
