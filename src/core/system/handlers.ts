import type { systemOps } from '../../shared/contract/system';
import type { CoreDeps } from '../app/deps';
import type { HandlersFor } from '../app/handlers';
import { latestVersion } from '../db/migrations';
import { readSettings } from '../settings/settings-service';
import { countStaff } from '../staff/staff-repo';
import { checkDatabase, fileIsEncrypted } from './database-check';

export const systemHandlers = (deps: CoreDeps): HandlersFor<typeof systemOps> => ({
  appInfo: () => {
    const settings = readSettings(deps.db);
    return {
      version: deps.version,
      needsSetup: countStaff(deps.db) === 0,
      townName: settings.townName,
      defaultLanguage: settings.defaultLanguage,
    };
  },
  systemStatus: () => ({
    version: deps.version,
    dataDir: deps.dataDir,
    schemaVersion: deps.schemaVersion,
    knownSchemaVersion: latestVersion(),
    encrypted: fileIsEncrypted(deps.db.name),
    deviceId: deps.deviceId,
  }),
  dbCheck: () => checkDatabase(deps),
});
