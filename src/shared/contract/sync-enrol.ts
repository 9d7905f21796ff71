import { z } from 'zod';
import { op } from './define';

/**
 * Enrolling this counter with central from the app (the Settings screen), the same step as
 * `ventanilla enroll --central URL --code CODE`. Admins only: it decides where the data goes.
 */
export const syncEnrolOps = {
  syncEnrol: op({
    input: z.object({
      centralUrl: z.string().trim().min(1).max(500),
      code: z.string().trim().min(1).max(64),
    }),
    output: z.object({ name: z.string(), centralUrl: z.string() }),
    access: ['admin'],
    mutates: true,
    local: true,
  }),
};
