import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Ventanilla';

/** The folder Electron's `app.getPath('userData')` gives for "Ventanilla", so CLI and app share data. */
export const defaultDataDir = (
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string => {
  if (env.VENTANILLA_DATA_DIR) return env.VENTANILLA_DATA_DIR;
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
};
