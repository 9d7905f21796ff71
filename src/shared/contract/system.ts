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

/** `ventanilla db check`: the file, its schema, SQLite's integrity check and its encryption. */
export const DbCheck = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  knownSchemaVersion: z.number().int(),
  integrity: z.string(),
  encrypted: z.boolean(),
});
export type DbCheck = z.infer<typeof DbCheck>;

export const systemOps = {
  appInfo: op({ input: z.object({}), output: AppInfo, access: 'public', mutates: false }),
  systemStatus: op({
    input: z.object({}),
    output: SystemStatus,
    access: 'session',
    mutates: false,
  }),
  dbCheck: op({
    input: z.object({}),
    output: DbCheck,
    access: ['admin'],
    mutates: false,
    local: true,
  }),
};
