import { z } from 'zod';
import { computeEntryHash } from '../../core/forms/entries';
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
    const [counter] = await tx.query<{ last_seq: number }>(
      `INSERT INTO registry_year_counters (year, last_seq) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = registry_year_counters.last_seq + 1
       RETURNING last_seq`,
      [year],
    );
    if (!counter) throw new Error('registry counter not returned');
    const number = officialNumber(content.provisional_number.slice(0, 5), year, counter.last_seq);
    await tx.query(
      `INSERT INTO registry_entries (entry_id, device_id, provisional_number, year, seq, official_number, entry_hash, content, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        content.id,
        device.id,
        content.provisional_number,
        year,
        counter.last_seq,
        number,
        hash,
        JSON.stringify(op.payload),
        tx.now,
      ],
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
    const a = parsed.data;
    await tx.query(
      `INSERT INTO registry_attachments (attachment_id, entry_id, filename, media_type, size, sha256, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [a.id, a.entry_id, a.filename, a.media_type, a.size, a.sha256, tx.now],
    );
  },
};
