import { describe, expect, it } from 'vitest';
import { privacyCentralAppliers } from '../../../src/core/privacy/central-requests';
import { runRetention } from '../../../src/core/privacy/retention-job';
import { PRIVACY_ANSWER_TYPE } from '../../../src/shared/contract/privacy-central';
import type { TestCore } from '../../helpers/test-core';
import { JUAN, privacyCounter, rows, SOFIA } from './privacy-fixture';

const DAY = 24 * 60 * 60_000;

/** Asks central for a resident's export and applies its answer as a pull would. */
const exportFromCentral = async (
  t: TestCore,
  manager: string,
  residentId: string,
  answeredAt = t.clock.now(),
) => {
  const { id } = await t.call('privacyCentralRequest', { kind: 'export', residentId }, manager);
  // Central's part, in its shape: the counter's own export stands in for its content.
  const held = await t.call('privacyExport', { residentId }, manager);
  const payload = {
    request_id: id,
    resident_id: residentId,
    answered_at: answeredAt.toISOString(),
    export: { ...held, directory: [], registerHeld: true },
    erasure: null,
  };
  const apply = privacyCentralAppliers(t.core.deps)[PRIVACY_ANSWER_TYPE];
  if (!apply) throw new Error('no privacy.answer applier');
  const db = t.core.deps.db;
  // A pull applies its changes inside one transaction.
  db.transaction(() =>
    apply(db, {
      seq: 1,
      type: PRIVACY_ANSWER_TYPE,
      entity_id: id,
      version: 1,
      payload,
      created_at: payload.answered_at,
    }),
  )();
  return id;
};

const stored = (t: TestCore) =>
  rows<{ resident_id: string; kind: string; answer: string | null }>(
    t,
    'SELECT resident_id, kind, answer FROM privacy_central_requests ORDER BY requested_at, id',
  );

describe("central's answers kept at the counter", () => {
  it("the counter's erasure takes central's export of that resident with it", async () => {
    const { t, manager } = await privacyCounter();
    await exportFromCentral(t, manager, JUAN.id);
    await exportFromCentral(t, manager, SOFIA.id);
    await t.call(
      'privacyCentralRequest',
      { kind: 'erase', residentId: JUAN.id, confirm: JUAN.id },
      manager,
    );
    // Pulled, the export holds the padrón data: what the erasure must reach.
    expect(stored(t).filter((r) => r.answer?.includes('1952-05-03'))).toHaveLength(1);

    await t.call('privacyErase', { residentId: JUAN.id, confirm: JUAN.id }, manager);
    expect(stored(t).filter((r) => r.answer?.includes(JUAN.name))).toEqual([]);
    // Sofía's export and the erasure request itself (counts only) stay.
    expect(stored(t).map((r) => [r.resident_id, r.kind])).toEqual([
      [SOFIA.id, 'export'],
      [JUAN.id, 'erase'],
    ]);
    const [erased] = rows<{ details: string }>(
      t,
      `SELECT details FROM audit_log WHERE action = 'privacy.erased'`,
    );
    expect(JSON.parse(erased?.details ?? '{}')).toMatchObject({ centralExports: 1 });
  });

  it('retention ages an answered export out with the verification period', async () => {
    const { t, manager } = await privacyCounter();
    const ago = (days: number) => new Date(t.clock.now().getTime() - days * DAY);
    // Twelve months (the default) past Juan's answer, not yet past Sofía's.
    await exportFromCentral(t, manager, JUAN.id, ago(370));
    await exportFromCentral(t, manager, SOFIA.id, ago(300));
    runRetention(t.core.deps);
    expect(stored(t).map((r) => r.resident_id)).toEqual([SOFIA.id]);
    const [run] = rows<{ details: string }>(
      t,
      `SELECT details FROM audit_log WHERE action = 'privacy.retention_run' ORDER BY seq DESC`,
    );
    expect(JSON.parse(run?.details ?? '{}')).toMatchObject({ centralExports: 1 });
  });
});
