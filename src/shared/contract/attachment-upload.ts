import { z } from 'zod';
import { syncStopError } from './central-errors';
import { MAX_ATTACHMENT_BYTES } from './forms';

/**
 * Wire format of `POST /v1/attachments`: one attachment's bytes, sent by its counter after the
 * entry's ops were pushed. JSON like every signed request, so the signature covers the bytes.
 */
export const ATTACHMENT_UPLOAD_PATH = '/v1/attachments';

export const AttachmentUploadRequest = z.object({
  attachment_id: z.string().min(1).max(64),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  data_base64: z
    .string()
    .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type AttachmentUploadRequest = z.infer<typeof AttachmentUploadRequest>;

export const AttachmentUploadResponse = z.object({
  sha256: z.string(),
  /** `duplicate`: central already held these bytes; nothing was stored twice. */
  status: z.enum(['stored', 'duplicate']),
});
export type AttachmentUploadResponse = z.infer<typeof AttachmentUploadResponse>;

/** Room for the largest attachment in base64 plus the JSON around it. */
export const ATTACHMENT_UPLOAD_BODY_LIMIT = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;

/**
 * Why an upload failed, as a translatable error: the counter's own code (the file is gone or
 * damaged here) or what central answered.
 */
export const uploadRefusalError = (
  code: string,
  attachmentId: string,
): { code: string; params?: Record<string, string | number> } =>
  code.startsWith('forms_') ? { code, params: { id: attachmentId } } : syncStopError(code);
