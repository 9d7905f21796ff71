import { z } from 'zod';
import { op } from './define';
import { LanguageSchema } from './settings';

export const AppInfo = z.object({
  version: z.string(),
  needsSetup: z.boolean(),
  townName: z.string(),
  defaultLanguage: LanguageSchema,
});

export const SystemStatus = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  knownSchemaVersion: z.number().int(),
  encrypted: z.boolean(),
  deviceId: z.string(),
});
export type SystemStatus = z.infer<typeof SystemStatus>;

export const systemOps = {
  appInfo: op({ input: z.object({}), output: AppInfo, access: 'public', mutates: false }),
  systemStatus: op({
    input: z.object({}),
    output: SystemStatus,
    access: 'session',
    mutates: false,
  }),
};
