import { z } from 'zod';
import { op } from './define';

/** Audit PDFs of a long period run to several MB; base64 adds a third. */
const MAX_PDF_BYTES = 64 * 1024 * 1024;

export const printingOps = {
  /**
   * Desktop: the PDF goes to the system print dialog, answered `desktop: true` and whether it
   * printed. Elsewhere (browser mode) it answers `desktop: false` and the page prints it.
   */
  printPdf: op({
    input: z.object({ pdfBase64: z.string().min(1) }),
    output: z.object({ desktop: z.boolean(), printed: z.boolean() }),
    access: 'session',
    mutates: false,
    maxInputBytes: MAX_PDF_BYTES,
  }),
};
