import { BrowserWindow, session } from 'electron';
import { APP_ENTRY_URL } from './protocol';
import {
  type AppOrigin,
  lockNavigation,
  restrictPermissions,
  secureWebPreferences,
} from './security';

export const createMainWindow = (origin: AppOrigin, preload: string): BrowserWindow => {
  restrictPermissions(session.defaultSession, origin);
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Ventanilla',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preload),
  });
  lockNavigation(win.webContents, origin);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(origin.devServerUrl ?? APP_ENTRY_URL);
  return win;
};
