import type { SqlTx } from '../db/store';

export interface NewEntry {
  readonly entryId: string;
  readonly deviceId: string;
  readonly provisionalNumber: string;
  readonly year: number;
  readonly seq: number;
  readonly officialNumber: string;
  readonly entryHash: string;
  readonly content: unknown;
}

export interface NewAttachment {
  readonly id: string;
  readonly entry_id: string;
  readonly filename: string;
  readonly media_type: string;
  readonly size: number;
  readonly sha256: string;
}

/** The general registry: `registry_entries`, their listed attachments and the year counters. */
export const registryStore = {
  /** The year's next official sequence number; the push transaction serialises writers. */
  nextSeq: async (tx: SqlTx, year: number): Promise<number> => {
    const [counter] = await tx.query<{ last_seq: number }>(
      `INSERT INTO registry_year_counters (year, last_seq) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = registry_year_counters.last_seq + 1
       RETURNING last_seq`,
      [year],
    );
    if (!counter) throw new Error('registry counter not returned');
    return counter.last_seq;
  },
  insertEntry: async (tx: SqlTx, e: NewEntry, at: Date): Promise<void> => {
    await tx.query(
      `INSERT INTO registry_entries (entry_id, device_id, provisional_number, year, seq, official_number, entry_hash, content, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        e.entryId,
        e.deviceId,
        e.provisionalNumber,
        e.year,
        e.seq,
        e.officialNumber,
        e.entryHash,
        JSON.stringify(e.content),
        at,
      ],
    );
  },
  insertAttachment: async (tx: SqlTx, a: NewAttachment, at: Date): Promise<void> => {
    await tx.query(
      `INSERT INTO registry_attachments (attachment_id, entry_id, filename, media_type, size, sha256, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [a.id, a.entry_id, a.filename, a.media_type, a.size, a.sha256, at],
    );
  },
  /** An attachment listed by an entry that this device filed. */
  listedAttachment: async (
    q: SqlTx,
    attachmentId: string,
    deviceId: string,
  ): Promise<{ entry_id: string; sha256: string } | undefined> =>
    (
      await q.query<{ entry_id: string; sha256: string }>(
        `SELECT a.entry_id, a.sha256 FROM registry_attachments a
         JOIN registry_entries e ON e.entry_id = a.entry_id
         WHERE a.attachment_id = $1 AND e.device_id = $2`,
        [attachmentId, deviceId],
      )
    )[0],
  /** The entry's listed attachment hashes, its row locked until the transaction ends. */
  lockEntry: async (
    tx: SqlTx,
    entryId: string,
  ): Promise<{ attachments: string[]; attachments_complete_at: Date | null } | undefined> =>
    (
      await tx.query<{ attachments: string[]; attachments_complete_at: Date | null }>(
        `SELECT content->'attachments' AS attachments, attachments_complete_at FROM registry_entries
         WHERE entry_id = $1 FOR UPDATE`,
        [entryId],
      )
    )[0],
  markComplete: async (tx: SqlTx, entryId: string, at: Date): Promise<void> => {
    await tx.query('UPDATE registry_entries SET attachments_complete_at = $2 WHERE entry_id = $1', [
      entryId,
      at.toISOString(),
    ]);
  },
};
