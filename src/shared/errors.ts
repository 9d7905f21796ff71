import { z } from 'zod';

/**
 * Every error a user can see has a stable code and a translation in `i18n/<feature>.ts`
 * under `errors.<code>`. Params fill `{{placeholders}}` in the translated text.
 */
export const ErrorShape = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorShape = z.infer<typeof ErrorShape>;

export class AppError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number> | undefined;
  /** HTTP-ish status, used by the bridge; the core never depends on it. */
  readonly status: number;

  constructor(code: string, params?: Record<string, string | number>, status = 400) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.status = status;
  }

  toShape(): ErrorShape {
    return this.params && Object.keys(this.params).length > 0
      ? { code: this.code, params: this.params }
      : { code: this.code };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
