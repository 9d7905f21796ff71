import type { printingOps } from '../../shared/contract/printing';
import type { HandlersFor } from '../app/handlers';
import type { PdfPrinter } from '../verifications/handlers';

/** The desktop's print dialog when the adapter supplies one; browser mode has none. */
export const printingHandlers = (
  printer: PdfPrinter | undefined,
): HandlersFor<typeof printingOps> => ({
  printPdf: async (input) =>
    printer
      ? { desktop: true, printed: await printer(Buffer.from(input.pdfBase64, 'base64')) }
      : { desktop: false, printed: false },
});
