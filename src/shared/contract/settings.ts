import { z } from 'zod';
import { op } from './define';

export const LanguageSchema = z.enum(['es', 'en']);

/** Zones a Spanish town hall can be in (the Canaries and Ceuta/Melilla included), and UTC. */
export const timeZones = [
  'Europe/Madrid',
  'Atlantic/Canary',
  'Africa/Ceuta',
  'Europe/Lisbon',
  'UTC',
] as const;

export const Settings = z.object({
  townName: z.string().trim().min(1).max(120),
  /** INE municipality code: 5 digits (province + municipality). */
  ineCode: z.string().regex(/^\d{5}$/),
  /** This counter's code, part of every provisional registry number. */
  counterCode: z.string().regex(/^[A-Z0-9]{1,8}$/),
  defaultLanguage: LanguageSchema,
  idleLockMinutes: z.number().int().min(1).max(240),
  /** Where times on screens, receipts, PDFs and CSV are shown (stored times stay UTC). */
  timeZone: z.enum(timeZones),
});
export type Settings = z.infer<typeof Settings>;

export const settingsOps = {
  settingsGet: op({ input: z.object({}), output: Settings, access: 'session', mutates: false }),
  settingsUpdate: op({
    input: Settings.partial(),
    output: Settings,
    access: ['admin'],
    mutates: true,
  }),
};
