import { z } from 'zod';
import { computeEntryHash } from '../../core/forms/entries';
import { registryStore } from './store';
import { type OpAppliers, rejectOp } from '../sync/appliers';

const Entry = z
  .object({
    v: z.literal(1),
    id: z.string().min(1),
    provisional_number: z.string().regex(/^\d{5}-[A-Z0-9]{1,8}-\d{4}-\d{6}$/),
    entry_hash: z.string().regex(/^[0-9a-f]{64}$/),
    attachments: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  })
  .loose();

const Attachment = z.object({
  entry_id: z.string().min(1),
  id: z.string().min(1),
  filename: z.string().min(1),
  media_type: z.string().min(1),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** `{INE}-RGE-{year}-{6-digit seq}`: the general registry's own series, by arrival. */
export const officialNumber = (ine: string, year: number, seq: number): string =>
  `${ine}-RGE-${year}-${String(seq).padStart(6, '0')}`;

/**
 * Central's side of walk-in entries. An entry whose hash does not match its content is
 * refused; otherwise it takes the next official number of the year in arrival order (the
 * push transaction serialises writers) and the number goes back to its counter by pull.
 */
export const registryAppliers: OpAppliers = {
  'registry.entry': async (tx, device, op) => {
    const parsed = Entry.safeParse(op.payload);
    if (!parsed.success) throw rejectOp('invalid_payload');
    const { entry_hash: hash, ...content } = parsed.data;
    if (computeEntryHash(content) !== hash) throw rejectOp('entry_hash_mismatch');
    const year = tx.now.getUTCFullYear();
    const seq = await registryStore.nextSeq(tx, year);
    const number = officialNumber(content.provisional_number.slice(0, 5), year, seq);
    await registryStore.insertEntry(
      tx,
      {
        entryId: content.id,
        deviceId: device.id,
        provisionalNumber: content.provisional_number,
        year,
        seq,
        officialNumber: number,
        entryHash: hash,
        content: op.payload,
      },
      tx.now,
    );
    const assignedAt = tx.now.toISOString();
    await tx.emitChange({
      type: 'registry.official_number',
      entity_id: content.id,
      version: 1,
      payload: { entry_id: content.id, official_number: number, assigned_at: assignedAt },
      device_id: device.id,
    });
    // Attachment bytes do not travel with the entry, so only an entry without any is complete here.
    if (content.attachments.length === 0) {
      await tx.emitChange({
        type: 'registry.entry_stored',
        entity_id: content.id,
        version: 1,
        payload: { entry_id: content.id, attachments: [] },
        device_id: device.id,
      });
    }
  },
  'registry.attachment': async (tx, _device, op) => {
    const parsed = Attachment.safeParse(op.payload);
    if (!parsed.success) throw rejectOp('invalid_payload');
    await registryStore.insertAttachment(tx, parsed.data, tx.now);
  },
};
