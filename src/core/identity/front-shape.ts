import { segmentLine } from './front-labels';
import { nameOf, plain } from './front-text';

/**
 * Fallbacks for a front whose labels blur or thresholding destroyed: values recognised by
 * their shape alone. Whatever they give is flagged for the clerk.
 */

const SEX_LINE = /^([MFX])[A-Z]?\s+([A-Z]{3})$/;
const sexText = (line: string): string =>
  plain(line)
    .replace(/[^A-Z\s]/g, '')
    .trim();

/** The `SEX NAT` line (`F ESP`) among lines no label claimed. */
export const shapeSexLine = (
  lines: readonly string[],
): { sex: string; nationality: string } | null => {
  for (const l of lines) {
    const m = SEX_LINE.exec(sexText(l));
    if (m) return { sex: m[1] ?? '', nationality: m[2] ?? '' };
  }
  return null;
};

/** Name lines in print order (surnames, then the given name) above the sex line. */
export const shapeNames = (lines: readonly string[]): string[] => {
  const sexIdx = lines.findIndex((l) => SEX_LINE.test(sexText(l)));
  return lines
    .slice(0, sexIdx >= 0 ? sexIdx : lines.length)
    .filter((l) => !/[\d:|,.]/.test(l) && !segmentLine(l, false).some((s) => 'label' in s))
    .map((l) => nameOf(l, true))
    .filter((n): n is string => n !== null);
};
