import { BrowserWindow, session } from 'electron';
import { APP_ENTRY_URL } from './protocol';
import { type AppOrigin, lockNavigation, restrictPermissions } from './security';

/** `devTools` only for development: in an installed app they would open the preload's world. */
export const createMainWindow = (
  origin: AppOrigin,
  preload: string,
  options: { devTools?: boolean } = {},
): BrowserWindow => {
  restrictPermissions(session.defaultSession, origin);
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Ventanilla',
    autoHideMenuBar: true,
    // Written out here, not built by a helper, so electronegativity can see every flag.
    webPreferences: {
      // Reviewed: the preload exposes one frozen function per contract operation and nothing else
      // (tests/main/preload.test.ts).
      preload, // eng-disable PRELOAD_JS_CHECK
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
      devTools: options.devTools ?? false,
      // Middle-click would ask for a new window; the open handler denies it, this stops the event.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockNavigation(win.webContents, origin);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(origin.devServerUrl ?? APP_ENTRY_URL);
  return win;
};
