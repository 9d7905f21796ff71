import { BrowserWindow } from 'electron';

/**
 * Prints a PDF (a verification receipt) through the system print dialog. The PDF is shown in a
 * hidden, sandboxed window of its own, from memory: it is never written to disk. Resolves
 * whether it was printed; a cancelled dialog or a load failure is false, never a throw.
 */
export const printPdfWithDialog = async (pdf: Buffer): Promise<boolean> => {
  const win = new BrowserWindow({
    show: false,
    width: 600,
    height: 840,
    title: 'Ventanilla',
    // Written out here, like the main window's, so electronegativity can see every flag.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // A PDF can carry links: none of them may open or navigate anything from here.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  try {
    await win.loadURL(`data:application/pdf;base64,${pdf.toString('base64')}`);
    return await new Promise<boolean>((resolve) => {
      win.webContents.print({ silent: false, printBackground: true }, (success) =>
        resolve(success),
      );
    });
  } catch {
    return false;
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
};
