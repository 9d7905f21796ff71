import type { PullResponse } from '../shared/contract/sync';
import type { CentralStore } from './db/store';

/**
 * One page of changes after `cursor` for this device. Writers of `changes` serialise on an
 * advisory lock held to commit (see push.ts), so what is visible is always a prefix of the
 * sequence: a transaction that commits late still lands above every cursor handed out.
 */
export const pullChanges = async (
  store: CentralStore,
  deviceId: string,
  cursor: number,
  limit: number,
): Promise<PullResponse> => {
  const rows = await store.query<{
    seq: number;
    type: string;
    entity_id: string;
    version: number;
    payload: unknown;
    created_at: Date;
  }>(
    `SELECT seq, type, entity_id, version, payload, created_at FROM changes
     WHERE seq > $1 AND (device_id IS NULL OR device_id = $2) ORDER BY seq LIMIT $3`,
    [cursor, deviceId, limit + 1],
  );
  const page = rows.slice(0, limit).map((r) => ({
    seq: Number(r.seq),
    type: r.type,
    entity_id: r.entity_id,
    version: Number(r.version),
    payload: r.payload,
    created_at: new Date(r.created_at).toISOString(),
  }));
  return { changes: page, next_cursor: page.at(-1)?.seq ?? cursor, has_more: rows.length > limit };
};
