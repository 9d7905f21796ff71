import type { VentanillaApi } from '../../../shared/contract';

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/**
 * Browser mode: the PDF in a hidden frame of its own (a blob: URL, the only frame the CSP
 * allows), then that frame's print(), which opens the browser's dialog. Resolves true once
 * print() was called; if the viewer refuses scripted printing, the PDF opens in a new tab for
 * printing by hand and it resolves false, since nobody can tell whether it was printed.
 */
const printInFrame = (base64: string, title: string): Promise<boolean> =>
  new Promise((resolve) => {
    const url = URL.createObjectURL(new Blob([bytesOf(base64)], { type: 'application/pdf' }));
    const frame = document.createElement('iframe');
    frame.title = title;
    Object.assign(frame.style, { position: 'fixed', width: '0', height: '0', border: '0' });
    frame.src = url;
    frame.onload = () => {
      let reached = false;
      try {
        const view = frame.contentWindow;
        if (view) {
          view.focus();
          view.print();
          reached = true;
        }
      } catch {
        reached = false;
      }
      if (!reached) window.open(url, '_blank', 'noopener');
      resolve(reached);
      // The dialog reads the frame while it is open; a minute is far longer than it needs.
      window.setTimeout(() => {
        frame.remove();
        URL.revokeObjectURL(url);
      }, 60_000);
    };
    document.body.append(frame);
  });

/**
 * Prints a PDF through the platform's own dialog: the desktop's (in the main process, see
 * src/main/print-pdf.ts) or the browser's. Resolves whether printing was started, so the
 * caller records "printed" only then.
 */
export const printPdf = async (
  api: VentanillaApi,
  base64: string,
  title: string,
): Promise<boolean> => {
  if (window.ventanilla) return (await api.printPdf({ pdfBase64: base64 })).printed;
  return printInFrame(base64, title);
};
