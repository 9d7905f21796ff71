import {
  EnrolResponse,
  MAX_PUSH_OPS,
  type SyncReport,
  type SyncStatus,
  type UploadProgress,
} from '../../shared/contract/sync';
import { centralAnswerError } from '../../shared/contract/central-errors';
import { AppError } from '../../shared/errors';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { deviceKey } from '../device/device-key';
import { uploadPendingAttachments } from '../forms/attachment-upload';
import { uploadCounts } from '../forms/upload-queue';
import { reconciledCount, reconcileReport } from '../residents/reconcile';
import { backoffDelay } from './backoff';
import type { ChangeAppliers } from './change-appliers';
import { centralBaseUrl, centralRequest, type Signer } from './signed-fetch';
import { pullChanges, pushPending, type Send, type SyncFaultHooks, SyncStop } from './sync-steps';
import { queueCounts } from './outbox';
import { readSyncState, updateSyncState } from './sync-state';

export interface SyncServiceOptions {
  readonly changeAppliers: ChangeAppliers;
  readonly batchSize?: number;
  readonly pullPageSize?: number;
  /** Pause between runs while everything is fine. */
  readonly pollMs?: number;
  readonly timeoutMs?: number;
  readonly random?: () => number;
  readonly hooks?: SyncFaultHooks;
}

/** What one run achieved; `reached` is false when central could not be reached (queue intact). */
export interface SyncRun {
  readonly reached: boolean;
  readonly report: SyncReport;
  readonly error: string | null;
}

const networkCode = (e: unknown): string =>
  e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')
    ? 'timeout'
    : 'network';

export const createSyncService = (deps: CoreDeps, options: SyncServiceOptions) => {
  const { db, clock } = deps;
  const random = options.random ?? Math.random;
  let inFlight: Promise<SyncRun> | undefined;
  let progress: { done: number; total: number } | null = null;
  let uploadProgress: UploadProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = true;
  let signer: Signer | undefined;

  const getSigner = (): Signer => {
    signer ??= { deviceId: deps.deviceId, key: deviceKey(db) };
    return signer;
  };

  const sender =
    (baseUrl: string): Send =>
    async (method, path, body) => {
      const send = () => {
        const offset = readSyncState(db).clock_offset_ms;
        return centralRequest(baseUrl, method, path, body, {
          signer: getSigner(),
          now: new Date(clock.now().getTime() + offset),
          timeoutMs: options.timeoutMs ?? 30_000,
        });
      };
      const res = await send();
      // A wrong device clock is corrected from central's time, then the request is signed again.
      const refusal = res.body as { error?: unknown; server_time?: unknown } | undefined;
      if (
        res.status === 401 &&
        refusal?.error === 'clock_skew' &&
        typeof refusal.server_time === 'string'
      ) {
        const serverMs = Date.parse(refusal.server_time);
        if (Number.isFinite(serverMs)) {
          updateSyncState(db, { clock_offset_ms: serverMs - clock.now().getTime() });
          return send();
        }
      }
      return res;
    };

  const runOnce = async (): Promise<SyncRun> => {
    const state = readSyncState(db);
    if (!state.central_url) throw new AppError('sync_not_enrolled', {}, 409);
    const report = { pushed: 0, applied: 0, duplicate: 0, rejected: 0, pulled: 0, pending: 0 };
    const uploads = { uploaded: 0, uploadedBytes: 0, refused: 0 };
    const reconciledBefore = reconciledCount(db);
    const finalReport = (): SyncReport => ({
      ...report,
      pending: queueCounts(db).pending,
      uploaded: uploads.uploaded,
      uploadedBytes: uploads.uploadedBytes,
      uploadFailed: uploads.refused,
      uploadsWaiting: uploadCounts(db).waiting,
      registerReconcile: reconciledCount(db) > reconciledBefore ? reconcileReport(db) : null,
    });
    const startedAt = clock.now().toISOString();
    progress = { done: 0, total: queueCounts(db).pending };
    try {
      const send = sender(state.central_url);
      // Both steps count into `report` as central answers, so a run cut short still reports
      // what was acknowledged before the failure.
      await pushPending(
        db,
        send,
        deps.deviceId,
        // As many ops per push as central takes; the payload byte cap keeps the body in bounds.
        options.batchSize ?? MAX_PUSH_OPS,
        options.hooks ?? {},
        report,
        (done) => {
          progress = { done, total: Math.max(done, progress?.total ?? 0) };
        },
      );
      await uploadPendingAttachments(deps, send, uploads, (p) => {
        uploadProgress = p;
      });
      await pullChanges(
        db,
        send,
        options.changeAppliers,
        readSyncState(db).pull_cursor,
        options.pullPageSize ?? 500,
        () => clock.now(),
        options.hooks ?? {},
        report,
      );
      updateSyncState(db, {
        failures: 0,
        last_attempt_at: startedAt,
        last_success_at: clock.now().toISOString(),
        last_error: null,
        next_attempt_at: null,
      });
      return { reached: true, report: finalReport(), error: null };
    } catch (e) {
      if (e instanceof AppError) throw e;
      const stop = e instanceof SyncStop ? e : new SyncStop(networkCode(e), false);
      const failures = readSyncState(db).failures + 1;
      const delay = backoffDelay(failures, random, stop.retryAfterMs);
      updateSyncState(db, {
        failures,
        last_attempt_at: startedAt,
        last_error: stop.code,
        next_attempt_at: new Date(clock.now().getTime() + delay).toISOString(),
      });
      return { reached: stop.reachedCentral, report: finalReport(), error: stop.code };
    } finally {
      progress = null;
      uploadProgress = null;
    }
  };

  /** Single flight: a call while a run is going joins that run instead of starting another. */
  const syncOnce = (): Promise<SyncRun> => {
    inFlight ??= runOnce().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  const schedule = (): void => {
    if (stopped) return;
    const next = readSyncState(db).next_attempt_at;
    const wait = next
      ? Math.max(0, Date.parse(next) - clock.now().getTime())
      : (options.pollMs ?? 15_000);
    timer = setTimeout(() => {
      void syncOnce()
        .catch(() => undefined)
        .finally(schedule);
    }, wait);
    timer.unref();
  };

  const status = (): SyncStatus => {
    const s = readSyncState(db);
    const counts = queueCounts(db);
    return {
      enrolled: s.central_url !== null,
      centralUrl: s.central_url,
      online: s.last_success_at !== null && s.failures === 0,
      syncing: inFlight !== undefined,
      pending: counts.pending,
      rejected: counts.rejected,
      lastSuccessAt: s.last_success_at,
      lastError: s.last_error,
      nextAttemptAt: s.next_attempt_at,
      progress,
      uploads: uploadCounts(db),
      uploadProgress,
    };
  };

  /** Registers this counter's public key with central using a one-time code. */
  const enrol = async (
    actor: Actor,
    centralUrl: string,
    code: string,
  ): Promise<{ name: string }> => {
    // The whole base, path prefix included: every later request goes under it.
    const base = centralBaseUrl(centralUrl);
    if (!base) throw new AppError('sync_bad_url', { url: centralUrl }, 400);
    const key = getSigner().key;
    let res;
    try {
      res = await centralRequest(
        base,
        'POST',
        '/v1/enroll',
        {
          code,
          device_id: deps.deviceId,
          public_key: key.publicKeyBase64,
        },
        { now: clock.now(), timeoutMs: options.timeoutMs ?? 30_000 },
      );
    } catch {
      throw new AppError('sync_unreachable', { url: base }, 503);
    }
    if (res.status !== 200) {
      // A closed mapping: a code central can send, else the generic failure with the status.
      const { code, params } = centralAnswerError(res.status, res.body);
      throw new AppError(code, params, res.status === 409 || res.status === 429 ? res.status : 403);
    }
    const enrolled = EnrolResponse.parse(res.body);
    inTransaction(deps, () => {
      updateSyncState(db, {
        central_url: base,
        enrolled_at: clock.now().toISOString(),
        failures: 0,
        last_error: null,
        next_attempt_at: null,
      });
      audit(deps, {
        actor,
        action: 'sync.enrolled',
        details: { central: base, name: enrolled.name },
      });
    });
    return { name: enrolled.name };
  };

  return {
    syncOnce,
    status,
    enrol,
    start: () => {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
};

export type SyncService = ReturnType<typeof createSyncService>;
