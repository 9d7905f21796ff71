import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol } from 'electron';
import { createCore, type Core } from '../core/app/create-core';
import { isAppError } from '../shared/errors';
import { translateError } from '../shared/i18n';
import { registerIpc } from './ipc';
import { printPdfWithDialog } from './print-pdf';
import { ALLOW_BASIC_TEXT_ENV, loadDesktopKeys, MIGRATE_KEYS_FLAG } from './key-store';
import { registerAppScheme, serveRenderer } from './protocol';
import type { AppOrigin } from './security';
import { createMainWindow } from './window';

const origin: AppOrigin = {
  devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  rendererDir: join(import.meta.dirname, '../renderer'),
};
const preload = join(import.meta.dirname, '../preload/index.cjs');

let core: Core | undefined;

const start = async (): Promise<void> => {
  try {
    const dataDir = process.env.VENTANILLA_DATA_DIR ?? app.getPath('userData');
    const keys = await loadDesktopKeys({
      dataDir,
      platform: process.platform,
      allowBasicText: process.env[ALLOW_BASIC_TEXT_ENV] === '1',
      migrateKeyFile: process.argv.includes(MIGRATE_KEYS_FLAG),
    });
    core = createCore({
      dataDir,
      keys,
      printPdf: printPdfWithDialog,
      // Built next to this file (out/main); reads register files off the main thread.
      registerWorker: new URL('./register-import-worker.js', import.meta.url),
    });
  } catch (e) {
    const message = isAppError(e) ? translateError('es', e.toShape()) : String(e);
    dialog.showErrorBox('Ventanilla', message);
    app.exit(1);
    return;
  }
  serveRenderer(protocol, origin.rendererDir);
  registerIpc(ipcMain, core.dispatch, origin);
  createMainWindow(origin, preload, { devTools: !app.isPackaged });
  core.start();
};

// Scheme privileges are fixed when Chromium starts, so this cannot wait for `ready`.
registerAppScheme(protocol);
// Every renderer sandboxed, whatever a future window forgets to ask for.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
  void app.whenReady().then(start);
}
