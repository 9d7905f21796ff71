import type {
  MatchCandidate,
  MatchQuery,
  RegisterStats,
  Resident,
} from '../../shared/contract/residents';
import { AppError } from '../../shared/errors';
import type { CoreDeps } from '../app/deps';
import { hashDocumentNumber } from '../privacy/document-number';
import { importRegister, type ImportOptions } from './import';
import { matchResidents } from './match';
import { residentsRepo, toResident } from './repo';
import { isRejection, toRecord } from './rows';
import { differingFields, noteReconciled } from './reconcile';
import { searchResidents } from './search';
import type { RawRow } from './csv-read';

/** One resident as central sends it: plain fields over TLS, hashed here on arrival. */
export interface RegisterDelta {
  readonly resident_id: string;
  /** Central's version of this resident; older or equal versions than central's last are ignored. */
  readonly version: number;
  /** `deregistered` carries the date in `deregistered_on`. */
  readonly status: 'active' | 'deregistered';
  readonly deregistered_on?: string | null;
  readonly fields: RawRow;
}

export type DeltaOutcome = 'inserted' | 'updated' | 'reconciled' | 'stale';

export const createResidentsService = (
  deps: CoreDeps,
  // The built register-reading worker (see record-worker.ts); tests run without one.
  options: { readonly registerWorker?: URL | undefined } = {},
) => {
  // A million residents with their indexes is ~500 MB of encrypted pages; the default 2 MB
  // page cache makes every lookup re-read and re-decrypt the same index pages.
  if (Number(deps.db.pragma('cache_size', { simple: true })) > -65_536)
    deps.db.pragma('cache_size = -65536');
  const repo = residentsRepo(deps.db);
  const hmac = deps.keys.hmacKey;

  const getById = (id: number): Resident => {
    const row = repo.byId(id);
    if (!row) throw new AppError('resident_not_found', { id }, 404);
    return toResident(row);
  };

  /** By the town's own inscription id, as other features (verifications, sync) keep it. */
  const getByResidentId = (residentId: string): Resident | undefined => {
    const row = repo.byResidentId(residentId);
    return row ? toResident(row) : undefined;
  };

  /** The exact-number lookup: one keyed hash and one index probe. */
  const findByDocumentNumber = (raw: string): Resident[] =>
    repo.byHash(hashDocumentNumber(hmac, raw)).map(toResident);

  /** Typed search for the Residents and Privacy screens: id, document, birth date or name. */
  const search = (query: string, limit = 25): Resident[] =>
    searchResidents(repo, hmac, query, limit);

  const match = (query: MatchQuery): MatchCandidate[] => matchResidents(hmac, repo, query);

  const stats = (): RegisterStats => {
    const counts = deps.db
      .prepare(
        `SELECT
           COALESCE(SUM(status = 'active'), 0) AS active,
           COALESCE(SUM(status = 'deregistered'), 0) AS deregistered,
           COALESCE(SUM(status = 'active' AND document_hash IS NULL), 0) AS without_document
         FROM residents`,
      )
      .get() as { active: number; deregistered: number; without_document: number };
    const last = deps.db
      .prepare(
        'SELECT at, actor_name AS actor, file_name AS file FROM register_imports ORDER BY id DESC LIMIT 1',
      )
      .get() as RegisterStats['last_import'] | undefined;
    return { ...counts, last_import: last ?? null };
  };

  /**
   * Central's update of one resident. Runs in the caller's transaction, so the caller's audit
   * entry and sync bookkeeping commit with it. Versions at or below central's last one applied
   * here are ignored (replays are harmless); the local import's own version never counts, as
   * counters follow central. Central's first word on a locally imported row replaces it, and
   * what differed is noted for the reconcile report.
   */
  const applyRegisterDelta = (delta: RegisterDelta): DeltaOutcome => {
    if (!deps.db.inTransaction)
      throw new Error('applyRegisterDelta must run inside the caller transaction');
    const record = toRecord(
      { ...delta.fields, resident_id: delta.resident_id },
      {
        hmacKey: hmac,
        today: deps.clock.now().toISOString().slice(0, 10),
        spanishSexLetters: false,
      },
    );
    if (isRejection(record)) throw new AppError(record.code, record.params, 422);
    const at = deps.clock.now().toISOString();
    const state = repo.importState(delta.resident_id);
    if (state?.central_version != null && state.central_version >= delta.version) return 'stale';
    const local = state !== undefined && state.central_version === null;
    if (local) noteReconciled(deps.db, delta.resident_id, differingFields(state, record), at);
    // The row's own version keeps climbing, so screens and re-imports see a change.
    if (state) repo.update(state.id, record, Math.max(state.version + 1, delta.version), at);
    else repo.insert(record, delta.version, at);
    repo.setCentralVersion(delta.resident_id, delta.version);
    if (delta.status === 'deregistered') {
      deps.db
        .prepare(
          `UPDATE residents SET status = 'deregistered', deregistered_on = ? WHERE resident_id = ?`,
        )
        .run(delta.deregistered_on ?? at.slice(0, 10), delta.resident_id);
    }
    return local ? 'reconciled' : state ? 'updated' : 'inserted';
  };

  return {
    importCsv: (bytes: Uint8Array, importOptions: ImportOptions) =>
      importRegister(deps, repo, bytes, { worker: options.registerWorker, ...importOptions }),
    match,
    search,
    getById,
    getByResidentId,
    findByDocumentNumber,
    stats,
    applyRegisterDelta,
  };
};

export type ResidentsService = ReturnType<typeof createResidentsService>;
