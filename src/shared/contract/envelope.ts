import { z } from 'zod';
import { ErrorShape } from '../errors';

/** What both transports carry back: a value or a translatable error, plus session changes. */
export const Envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown(), session: z.string().nullable().optional() }),
  z.object({ ok: z.literal(false), error: ErrorShape }),
]);
export type Envelope = z.infer<typeof Envelope>;

export const IPC_PREFIX = 'ventanilla:';
export const SESSION_HEADER = 'x-ventanilla-session';
