import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scannerDir } from '../../../src/core/privacy/retention-job';
import { RetentionCounts } from '../../../src/shared/contract/privacy';
import type { TestCore } from '../../helpers/test-core';
import { markStoredAtCentral, privacyCounter, rows } from './privacy-fixture';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const runEntries = (t: TestCore) =>
  rows<{ actor_name: string; details: string }>(
    t,
    `SELECT actor_name, details FROM audit_log WHERE action = 'privacy.retention_run' ORDER BY seq`,
  ).map((r) => ({
    actor: r.actor_name,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));

/** A scanner file whose modification time is `ageMs` before the core's clock. */
const scan = (t: TestCore, name: string, ageMs: number): string => {
  mkdirSync(scannerDir(t.dataDir), { recursive: true });
  const file = join(scannerDir(t.dataDir), name);
  writeFileSync(file, 'image bytes');
  const when = new Date(t.clock.now().getTime() - ageMs);
  utimesSync(file, when, when);
  return file;
};

type VerificationStats = {
  id: string;
  network: string;
  state: string;
  created_at: string;
  verified_at: string | null;
  time_to_verify_ms: number | null;
  resident_id: string;
  handle: string;
  document_hash: string;
  anonymised_at: string | null;
};

describe('retention job', () => {
  it('removes and anonymises exactly what the policy says, with one audit entry per run', async () => {
    const c = await privacyCounter();
    const { t } = c;
    const job = t.core.services.retention;
    const attachment = rows<{ id: string }>(
      t,
      'SELECT id FROM registry_attachments WHERE entry_id = ?',
      c.juanEntry,
    )[0];
    const sealed = join(t.dataDir, 'attachments', `${attachment?.id ?? 'missing'}.enc`);
    expect(existsSync(sealed)).toBe(true);
    const before = rows<VerificationStats>(t, 'SELECT * FROM verifications ORDER BY id');
    const statsBefore = await t.call('auditStats', {}, c.manager);
    expect(statsBefore.medianTimeToVerifyPerWeek).toEqual([
      expect.objectContaining({ count: 3, medianSeconds: 40 }),
    ]);
    expect(statsBefore.failedLookups).toEqual([expect.objectContaining({ count: 3 })]);

    // Start-up run: nothing is old enough yet, apart from an abandoned scanner image.
    const old = scan(t, 'scan-old.png', 11 * MINUTE);
    const fresh = scan(t, 'scan-new.png', 2 * MINUTE);
    const first = job.start();
    job.stop();
    expect(first?.counts).toEqual({
      scannerImages: 1,
      failedLookups: 0,
      lookupLocks: 0,
      verifications: 0,
      requests: 0,
      conflicts: 0,
      attachments: 0,
      orphanFiles: 0,
    });
    expect([existsSync(old), existsSync(fresh)]).toEqual([false, true]);
    expect(runEntries(t)).toHaveLength(1);

    // Within the day only the scanner folder is swept; the count goes into the next entry.
    t.clock.advance(20 * MINUTE);
    expect(job.tick()).toBeNull();
    expect(existsSync(fresh)).toBe(false);
    expect(runEntries(t)).toHaveLength(1);

    // 31 days on: the failed lookups (30 days) go; the attachment is 30 days past central's
    // confirmation; verifications are not yet 12 months past their end.
    markStoredAtCentral(t, c.juanEntry);
    t.clock.advance(31 * DAY);
    const second = job.tick();
    expect(second?.counts).toMatchObject({
      scannerImages: 1,
      failedLookups: 3,
      verifications: 0,
      attachments: 1,
    });
    expect(rows(t, 'SELECT * FROM failed_lookups')).toEqual([]);
    expect(existsSync(sealed)).toBe(false);
    expect(rows(t, 'SELECT * FROM verifications WHERE anonymised_at IS NOT NULL')).toEqual([]);
    expect(runEntries(t)).toHaveLength(2);

    // A year after the revocation: only the revoked verification is anonymised.
    t.clock.advance(335 * DAY);
    const third = job.tick();
    expect(third?.counts).toMatchObject({ failedLookups: 0, verifications: 1, attachments: 0 });
    const after = rows<VerificationStats>(t, 'SELECT * FROM verifications ORDER BY id');
    for (const [i, row] of after.entries()) {
      const was = before[i];
      // Statistics (network, state, times, time to verify) are unchanged for every row.
      expect(row).toMatchObject({
        id: was?.id,
        network: was?.network,
        state: was?.state,
        created_at: was?.created_at,
        verified_at: was?.verified_at,
        time_to_verify_ms: was?.time_to_verify_ms,
      });
      if (row.id === c.juanRevoked) {
        expect(row).toMatchObject({
          resident_id: '',
          handle: '',
          document_hash: '',
          resident_masked_name: null,
        });
        expect(row.anonymised_at).toBe(t.clock.now().toISOString());
      } else {
        expect(row.handle).not.toBe('');
        expect(row.anonymised_at).toBeNull();
      }
    }

    // The manager's statistics (per day, per clerk, time to verify, failed lookups) are unchanged.
    // (A year later the first session has long locked: a fresh one.)
    const manager = await t.signInAs('manager', 'mario');
    const statsAfter = await t.call('auditStats', {}, manager);
    expect(statsAfter).toEqual(statsBefore);

    // Exactly one entry per run, by the retention actor, with the counts and the policy.
    const entries = runEntries(t);
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.actor === 'retention')).toBe(true);
    expect(RetentionCounts.parse(entries[2]?.details)).toEqual(third?.counts);
    expect(entries[2]?.details.policy).toEqual({
      scannerImageMinutes: 10,
      failedLookupDays: 30,
      verificationMonths: 12,
      attachmentDays: 30,
    });
    // A quiet run still writes its entry: the log shows the policy was enforced.
    t.clock.advance(DAY);
    expect(job.tick()?.counts.verifications).toBe(0);
    expect(runEntries(t)).toHaveLength(4);
  });

  it('follows changed periods, set by a manager and audited', async () => {
    const c = await privacyCounter();
    const { t } = c;
    await expect(
      t.call('privacyRetentionUpdate', { failedLookupDays: 5 }, c.clerk),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const policy = await t.call(
      'privacyRetentionUpdate',
      { failedLookupDays: 5, verificationMonths: 1, attachmentDays: 2 },
      c.manager,
    );
    expect(policy).toEqual({
      scannerImageMinutes: 10,
      failedLookupDays: 5,
      verificationMonths: 1,
      attachmentDays: 2,
    });
    expect(await t.call('privacyRetentionGet', {}, c.manager)).toEqual(policy);
    expect(await t.call('formsConfigGet', {}, c.manager)).toMatchObject({
      attachmentRetentionDays: 2,
    });
    await expect(
      t.call('privacyRetentionUpdate', { verificationMonths: 0 }, c.manager),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const changed = rows<{ details: string }>(
      t,
      `SELECT details FROM audit_log WHERE action = 'privacy.retention_changed'`,
    );
    expect(changed.map((r) => JSON.parse(r.details) as unknown)).toEqual([
      { failedLookupDays: { from: 30, to: 5 }, verificationMonths: { from: 12, to: 1 } },
    ]);

    t.clock.advance(6 * DAY);
    expect(t.core.services.retention.tick()?.counts).toMatchObject({
      failedLookups: 3,
      verifications: 0,
    });
    t.clock.advance(31 * DAY);
    expect(t.core.services.retention.tick()?.counts).toMatchObject({ verifications: 1 });
  });
});
