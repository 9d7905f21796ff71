import type { FastifyInstance } from 'fastify';
import {
  ATTACHMENT_UPLOAD_BODY_LIMIT,
  ATTACHMENT_UPLOAD_PATH,
  AttachmentUploadRequest,
  AttachmentUploadResponse,
} from '../shared/contract/attachment-upload';
import type { CentralDevice } from './sync/appliers';
import type { CentralStore } from './db/store';
import { centralTx } from './sync/service';
import { errorSender } from './http/errors';
import type { Guards } from './http/guards';
import { sha256Hex } from './secrets';

type StoreResult =
  | { readonly ok: true; readonly status: 'stored' | 'duplicate' }
  | { readonly ok: false; readonly code: number; readonly error: string };

/**
 * Stores one attachment's bytes for an entry this device filed. The entry row is locked so two
 * uploads for one entry see each other's bytes, and `registry.entry_stored` goes out exactly
 * once, when the last of its attachments arrives.
 */
export const storeAttachment = async (
  store: CentralStore,
  device: CentralDevice,
  request: { attachmentId: string; sha256: string; bytes: Buffer },
  now: Date,
): Promise<StoreResult> =>
  store.transaction(async (raw) => {
    const [listed] = await raw.query<{ entry_id: string; sha256: string }>(
      `SELECT a.entry_id, a.sha256 FROM registry_attachments a
       JOIN registry_entries e ON e.entry_id = a.entry_id
       WHERE a.attachment_id = $1 AND e.device_id = $2`,
      [request.attachmentId, device.id],
    );
    if (!listed) return { ok: false, code: 404, error: 'attachment_unknown' };
    if (listed.sha256 !== request.sha256) {
      return { ok: false, code: 422, error: 'attachment_hash_mismatch' };
    }
    const [entry] = await raw.query<{
      attachments: string[];
      attachments_complete_at: Date | null;
    }>(
      `SELECT content->'attachments' AS attachments, attachments_complete_at FROM registry_entries
       WHERE entry_id = $1 FOR UPDATE`,
      [listed.entry_id],
    );
    if (!entry) throw new Error('registry entry vanished under its attachment');
    const inserted = await raw.query(
      `INSERT INTO registry_attachment_blobs (sha256, size, bytes, stored_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
      [request.sha256, request.bytes.length, request.bytes, now.toISOString()],
    );
    if (entry.attachments_complete_at === null) {
      const wanted = [...new Set(entry.attachments)];
      const [held] = await raw.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM registry_attachment_blobs WHERE sha256 = ANY($1)',
        [wanted],
      );
      if (held?.n === wanted.length) {
        await raw.query(
          'UPDATE registry_entries SET attachments_complete_at = $2 WHERE entry_id = $1',
          [listed.entry_id, now.toISOString()],
        );
        await centralTx(raw, now).emitChange({
          type: 'registry.entry_stored',
          entity_id: listed.entry_id,
          version: 1,
          payload: { entry_id: listed.entry_id, attachments: entry.attachments },
          device_id: device.id,
        });
      }
    }
    return { ok: true, status: inserted.length > 0 ? 'stored' : 'duplicate' };
  });

/**
 * `POST /v1/attachments`: a signed device request carrying one attachment's bytes. The bytes
 * must hash to the SHA-256 the entry listed when it was pushed; the same bytes twice are kept once.
 */
export const attachmentRoutes = (
  app: FastifyInstance,
  options: { readonly store: CentralStore; readonly now: () => Date; readonly guards: Guards },
): void => {
  const { store, now, guards } = options;
  app.post(
    ATTACHMENT_UPLOAD_PATH,
    { bodyLimit: ATTACHMENT_UPLOAD_BODY_LIMIT },
    async (req, reply) => {
      const fail = (status: number, error: string) => errorSender(now)(reply, status, error);
      const body = typeof req.body === 'string' ? req.body : '';
      const device = await guards.device(req, reply);
      if (!device) return reply;
      let input: AttachmentUploadRequest | undefined;
      try {
        const parsed = AttachmentUploadRequest.safeParse(JSON.parse(body));
        input = parsed.success ? parsed.data : undefined;
      } catch {
        input = undefined;
      }
      if (!input) return fail(400, 'invalid_request');
      const bytes = Buffer.from(input.data_base64, 'base64');
      if (sha256Hex(bytes) !== input.sha256) {
        req.log.warn({ device: device.id, attachment: input.attachment_id }, 'hash mismatch');
        return fail(422, 'attachment_hash_mismatch');
      }
      const result = await storeAttachment(
        store,
        device,
        { attachmentId: input.attachment_id, sha256: input.sha256, bytes },
        now(),
      );
      if (!result.ok) return fail(result.code, result.error);
      return AttachmentUploadResponse.parse({ sha256: input.sha256, status: result.status });
    },
  );
};
