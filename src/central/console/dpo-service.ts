import { csvCell, csvSeparator } from '../../core/audit/csv';
import { isAppError } from '../../shared/errors';
import type { Language } from '../../shared/i18n/define';
import { centralAudit } from '../audit/store';
import type { CentralStore, SqlTx } from '../db/store';
import { revokeVerification } from '../verifications/service';
import { type AuditFilter, consoleStore } from './console-store';
import { refuse } from '../http/errors';

/** Central's own conflicts (a handle verified at two counters) carry this prefix and the claim. */
const CENTRAL_CONFLICT = 'central:';

/** The store seen from inside one transaction, so a revocation joins the caller's. */
const within = (store: CentralStore, tx: SqlTx): CentralStore => ({
  engine: store.engine,
  query: (text, params) => tx.query(text, params),
  transaction: (fn) => fn(tx),
  exec: () => Promise.reject(new Error('no scripts inside a transaction')),
  close: () => Promise.reject(new Error('the store is not closed from a transaction')),
});

/**
 * The DPO settles a handle claimed at two counters. `transfer`: the later claim keeps the handle
 * and the earlier holders are revoked; `reject`: the later claim is revoked. Revocations reach
 * their counters on the next pull. A counter's own conflicts are settled at that counter.
 */
export const resolveConflict = (
  store: CentralStore,
  id: string,
  decision: 'transfer' | 'reject',
  reason: string,
  by: string,
  now: Date,
): Promise<{ id: string; state: 'transferred' | 'rejected'; revoked: string[] }> =>
  store.transaction(async (tx) => {
    const conflict = await consoleStore.conflictForUpdate(tx, id);
    if (!conflict || !id.startsWith(CENTRAL_CONFLICT)) throw refuse(404, 'unknown_conflict');
    if (conflict.state !== 'open') throw refuse(409, 'conflict_closed');
    const claim = id.slice(CENTRAL_CONFLICT.length);
    const targets =
      decision === 'transfer'
        ? await consoleStore.holdersOf(tx, conflict.network, conflict.handle, claim)
        : [claim];
    const revoked: string[] = [];
    for (const target of targets) {
      try {
        await revokeVerification(within(store, tx), target, reason, by, now);
        revoked.push(target);
      } catch (e) {
        // A record that ended meanwhile needs nothing more; anything else is a real refusal.
        if (!isAppError(e) || e.code !== 'already_ended') throw e;
      }
    }
    const state = decision === 'transfer' ? 'transferred' : 'rejected';
    await consoleStore.closeConflict(tx, id, state, now);
    await centralAudit(tx, now, 'conflict.resolved', null, { id, decision, by, revoked });
    return { id, state, revoked };
  });

/** Central's audit as CSV, the counter's cell rules (no formula runs in a spreadsheet). */
export const auditCsvAtCentral = async (
  store: CentralStore,
  filter: AuditFilter,
  lang: Language,
): Promise<string> => {
  const sep = csvSeparator(lang);
  const rows = await consoleStore.audit(store, filter);
  const lines = [
    ['id', 'at', 'action', 'device_id', 'detail'].join(sep),
    ...rows.map((r) =>
      [r.id, r.at, r.action, r.device_id, JSON.stringify(r.detail)]
        .map((c) => csvCell(c, sep))
        .join(sep),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};
