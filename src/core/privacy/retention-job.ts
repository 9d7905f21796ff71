import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RetentionCounts, RetentionRun } from '../../shared/contract/privacy';
import type { Actor } from '../audit/append';
import { lastRecordedAt } from '../audit/linked';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import {
  markDueAttachments,
  removeAttachmentFiles,
  sweepAttachmentOrphans,
} from '../forms/retention';
import {
  anonymiseClosedRequests,
  anonymiseEndedVerifications,
  anonymiseResolvedConflicts,
} from '../verifications/anonymise';
import { purgeLookups } from '../verifications/anti-fishing';
import { ageOutCentralExports } from './central-requests';
import { monthsBefore, readRetentionPolicy } from './retention-policy';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** How often the timer wakes: scanner images are due in minutes, the rest once a day. */
const TICK_MS = MINUTE_MS;

export const RETENTION_ACTOR: Actor = { staffId: null, username: 'retention', role: 'system' };

/** Where the counter's scanner writes (the verification desk's inbox reads the same folder). */
export const scannerDir = (dataDir: string): string => join(dataDir, 'scanner');

/**
 * Scanner images left behind: the desk's watcher deletes each card as soon as it is read, but
 * not while the app is closed or the Verify screen has not been opened. Ages are measured on
 * the injectable clock against the files' modification times.
 */
export const sweepScannerFolder = (deps: CoreDeps, minutes: number): number => {
  const dir = scannerDir(deps.dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  const cutoff = deps.clock.now().getTime() - minutes * MINUTE_MS;
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.mtimeMs > cutoff) continue;
    rmSync(path, { force: true });
    removed += 1;
  }
  return removed;
};

/**
 * One retention run: every record type to its period, then exactly one `privacy.retention_run`
 * audit entry with the counts, written even when they are all zero, so the log shows that the
 * policy was enforced and when. It names the registry numbers whose attachment files went.
 */
export const runRetention = (deps: CoreDeps, carriedScannerImages = 0): RetentionRun => {
  const policy = readRetentionPolicy(deps.db);
  const scannerImages = carriedScannerImages + sweepScannerFolder(deps, policy.scannerImageMinutes);
  // Files with no live row first (a failed delete of an earlier run, a crash mid-filing).
  const orphanFiles = sweepAttachmentOrphans(deps);
  const { run, dueFiles } = inTransaction(deps, () => {
    const now = deps.clock.now();
    const at = now.toISOString();
    const lookupCutoff = new Date(now.getTime() - policy.failedLookupDays * DAY_MS).toISOString();
    // A lock row holds a document hash; once it is over and as old as the log, it goes too.
    const { failedLookups, lookupLocks } = purgeLookups(deps.db, lookupCutoff, at);
    const cutoff = monthsBefore(now, policy.verificationMonths).toISOString();
    const due = markDueAttachments(deps);
    const counts: RetentionCounts = {
      scannerImages,
      failedLookups,
      lookupLocks,
      verifications: anonymiseEndedVerifications(deps.db, cutoff, at),
      requests: anonymiseClosedRequests(deps.db, cutoff, at),
      conflicts: anonymiseResolvedConflicts(deps.db, cutoff, at),
      attachments: due.ids.length,
      orphanFiles,
    };
    const centralExports = ageOutCentralExports(deps.db, cutoff);
    const auditSeq = audit(deps, {
      actor: RETENTION_ACTOR,
      action: 'privacy.retention_run',
      details: { ...counts, centralExports, policy, attachmentEntries: due.entries },
    });
    return { run: { at, counts, auditSeq }, dueFiles: due.ids };
  });
  // After the commit: a failed delete leaves a file that the next run's orphan sweep removes.
  removeAttachmentFiles(deps.dataDir, dueFiles);
  return run;
};

const lastRunAt = (deps: CoreDeps): number | null => {
  const at = lastRecordedAt(deps.db, 'privacy.retention_run');
  return at ? Date.parse(at) : null;
};

/**
 * The job: a full run at start-up and then whenever a day has passed since the last one (the
 * audit log remembers when that was, across restarts); in between, every minute, only the
 * scanner folder is swept, and what it removed is counted into the next run's entry.
 */
export const createRetentionJob = (deps: CoreDeps, log: (error: unknown) => void) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let carried = 0;

  const tick = (): RetentionRun | null => {
    const last = lastRunAt(deps);
    if (last === null || deps.clock.now().getTime() - last >= DAY_MS) {
      const run = runRetention(deps, carried);
      carried = 0;
      return run;
    }
    carried += sweepScannerFolder(deps, readRetentionPolicy(deps.db).scannerImageMinutes);
    return null;
  };

  const schedule = (): void => {
    timer = setTimeout(() => {
      try {
        if (deps.db.open) tick();
      } catch (e) {
        log(e);
      }
      schedule();
    }, TICK_MS);
    timer.unref();
  };

  return {
    /** A full run now (start-up), then the timer. */
    start: (): RetentionRun | null => {
      if (timer) return null;
      let run: RetentionRun | null = null;
      try {
        run = runRetention(deps, carried);
        carried = 0;
      } catch (e) {
        log(e);
      }
      schedule();
      return run;
    },
    tick,
    stop: (): void => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
};

export type RetentionJob = ReturnType<typeof createRetentionJob>;
