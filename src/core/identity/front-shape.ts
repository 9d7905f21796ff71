import { segmentLine } from './front-labels';
import { datesIn, nameOf, plain } from './front-text';

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

/** Three name lines at most: first surname, second surname, given name. */
const MAX_NAME_LINES = 3;

/**
 * Name lines in print order (surnames, then the given name): the first run of name-like
 * lines printed as tall as the dates, stopping at the sex line or anything else.
 */
export const shapeNames = (lines: ReadonlyArray<{ text: string; height: number }>): string[] => {
  const dated = lines
    .filter((l) => l.height > 0 && datesIn(l.text).length > 0)
    .map((l) => l.height)
    .sort((a, b) => a - b);
  // The smallest: a phone's perspective prints the far side of the card smaller.
  const valueHeight = dated[0] ?? 0;
  const run: string[] = [];
  for (const l of lines) {
    if (SEX_LINE.test(sexText(l.text))) break;
    // Label-sized lines (mangled labels) neither join nor break the block.
    if (valueHeight > 0 && l.height < valueHeight * 0.72) continue;
    const core = l.text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    const labelled = segmentLine(core, false).some((s) => 'label' in s);
    const name = /[\d:|,.]/.test(core) || labelled ? null : nameOf(core, true);
    if (name) {
      run.push(name);
      if (run.length === MAX_NAME_LINES) break;
    } else if (run.length >= 2) {
      break;
    } else if (!labelled) {
      // A lone name-like line before the block is a speck or a mangled label.
      run.length = 0;
    }
  }
  return run;
};
