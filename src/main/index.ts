import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { createCore, type Core } from '../core/app/create-core';
import { isAppError } from '../shared/errors';
import { translateError } from '../shared/i18n';
import { registerIpc } from './ipc';
import type { AppOrigin } from './security';
import { createMainWindow } from './window';

const origin: AppOrigin = {
  devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  indexFile: join(import.meta.dirname, '../renderer/index.html'),
};
const preload = join(import.meta.dirname, '../preload/index.cjs');

let core: Core | undefined;

const start = (): void => {
  try {
    core = createCore({ dataDir: process.env.VENTANILLA_DATA_DIR ?? app.getPath('userData') });
  } catch (e) {
    const message = isAppError(e) ? translateError('es', e.toShape()) : String(e);
    dialog.showErrorBox('Ventanilla', message);
    app.exit(1);
    return;
  }
  registerIpc(ipcMain, core.dispatch, origin);
  createMainWindow(origin, preload);
};

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
  void app.whenReady().then(start);
}
