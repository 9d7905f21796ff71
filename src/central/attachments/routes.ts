import type { FastifyInstance } from 'fastify';
import {
  ATTACHMENT_UPLOAD_BODY_LIMIT,
  ATTACHMENT_UPLOAD_PATH,
  AttachmentUploadRequest,
  AttachmentUploadResponse,
} from '../../shared/contract/attachment-upload';
import { isAppError } from '../../shared/errors';
import { jsonBody } from '../http/body';
import type { RouteContext } from '../http/guards';
import { storeAttachment } from './service';

/** `POST /v1/attachments`: a signed device request carrying one attachment's bytes. */
export const attachmentRoutes = (app: FastifyInstance, ctx: RouteContext): void => {
  const { store, now, guards } = ctx;
  app.post(
    ATTACHMENT_UPLOAD_PATH,
    { bodyLimit: ATTACHMENT_UPLOAD_BODY_LIMIT },
    async (req, reply) => {
      const device = await guards.device(req, reply);
      if (!device) return reply;
      const input = jsonBody(AttachmentUploadRequest, req);
      const bytes = Buffer.from(input.data_base64, 'base64');
      try {
        const status = await storeAttachment(
          store,
          device,
          { attachmentId: input.attachment_id, sha256: input.sha256, bytes },
          now(),
        );
        return AttachmentUploadResponse.parse({ sha256: input.sha256, status });
      } catch (e) {
        if (isAppError(e) && e.code === 'attachment_hash_mismatch')
          req.log.warn({ device: device.id, attachment: input.attachment_id }, 'hash mismatch');
        throw e;
      }
    },
  );
};
