/** Longest unbroken run left as it is: shorter than any line the core PDFs print. */
const MAX_RUN = 64;
const LONG_RUN = new RegExp(`\\S{${MAX_RUN + 1},}`, 'gu');
const PIECE = new RegExp(`[^]{1,${MAX_RUN}}`, 'gu');
/** A break opportunity that prints nothing: every embedded face lays it out with no advance. */
const ZWSP = '\u200b';

/**
 * pdfkit splits a word wider than the line by re-measuring the whole remainder after every
 * line, so its time and memory grow with the square of the word: a 32,000-character token took
 * 51 s and 2.5 GB. Offering a break every MAX_RUN characters keeps each measured word short,
 * and the whole text then wraps in linear time.
 */
export const breakLongWords = (text: string): string =>
  text.length <= MAX_RUN
    ? text
    : text.replace(LONG_RUN, (run) => (run.match(PIECE) ?? [run]).join(ZWSP));
