import type { CentralStore } from '../db/store';
import { refuse } from '../http/errors';
import { registryStore } from '../registry/store';
import { sha256Hex } from '../secrets';
import type { CentralDevice } from '../sync/appliers';
import { centralTx } from '../sync/service';
import { attachmentsStore } from './store';

/**
 * Stores one attachment's bytes for an entry this device filed. The bytes must hash to the
 * SHA-256 the entry listed when it was pushed. The entry row is locked so two uploads for one
 * entry see each other's bytes, and `registry.entry_stored` goes out exactly once, when the
 * last of its attachments arrives.
 */
export const storeAttachment = async (
  store: CentralStore,
  device: CentralDevice,
  request: { attachmentId: string; sha256: string; bytes: Buffer },
  now: Date,
): Promise<'stored' | 'duplicate'> => {
  if (sha256Hex(request.bytes) !== request.sha256) throw refuse(422, 'attachment_hash_mismatch');
  return store.transaction(async (tx) => {
    const listed = await registryStore.listedAttachment(tx, request.attachmentId, device.id);
    if (!listed) throw refuse(404, 'attachment_unknown');
    if (listed.sha256 !== request.sha256) throw refuse(422, 'attachment_hash_mismatch');
    const entry = await registryStore.lockEntry(tx, listed.entry_id);
    if (!entry) throw new Error('registry entry vanished under its attachment');
    const inserted = await attachmentsStore.insertBlob(tx, request.sha256, request.bytes, now);
    if (entry.attachments_complete_at === null) {
      const wanted = [...new Set(entry.attachments)];
      if ((await attachmentsStore.countHeld(tx, wanted)) === wanted.length) {
        await registryStore.markComplete(tx, listed.entry_id, now);
        await centralTx(tx, now).emitChange({
          type: 'registry.entry_stored',
          entity_id: listed.entry_id,
          version: 1,
          payload: { entry_id: listed.entry_id, attachments: entry.attachments },
          device_id: device.id,
        });
      }
    }
    return inserted ? 'stored' : 'duplicate';
  });
};
