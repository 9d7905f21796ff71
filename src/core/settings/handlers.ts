import type { settingsOps } from '../../shared/contract/settings';
import type { CoreDeps } from '../app/deps';
import { type HandlersFor, requireActor } from '../app/handlers';
import { readSettings, updateSettings } from './settings-service';

export const settingsHandlers = (deps: CoreDeps): HandlersFor<typeof settingsOps> => ({
  settingsGet: () => readSettings(deps.db),
  settingsUpdate: (input, ctx) => updateSettings(deps, requireActor(ctx), input),
});
