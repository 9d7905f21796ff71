import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createEnrolmentCode } from '../../src/central/enrolment/service';
import type { SaveVerificationInput } from '../../src/shared/contract/verifications';
import { ocrDocument } from '../helpers/ocr-document';
import { FakeClock, SYSTEM, testCore } from '../helpers/test-core';
import type { RunningCentral } from './harness';

const FIXTURES = join(import.meta.dirname, '../fixtures');
export const JUAN = { id: 'R001', number: '74252101M', expiry: '2034-01-01' };
export const SOFIA = { id: 'R002', number: '75996735C', expiry: '2034-03-09' };

/** A counter with the fixture register, a clerk and a manager, enrolled with `central`. */
export const verificationCounter = async (central: RunningCentral) => {
  // Real time: central checks signed request timestamps against its own clock.
  const t = testCore({ clock: new FakeClock(Date.now()) });
  t.core.services.residents.importCsv(readFileSync(join(FIXTURES, 'register/padron-utf8.csv')), {
    actor: SYSTEM,
    fileName: 'padron-utf8.csv',
  });
  const clerk = await t.signInAs('clerk', 'clara');
  const manager = await t.signInAs('manager', 'marta');
  const { code } = await createEnrolmentCode(central.store, 'Mostrador test', new Date());
  await t.core.services.sync.enrol(SYSTEM, central.url, code);
  const sync = async () => {
    const run = await t.core.services.sync.syncOnce();
    expect(run).toMatchObject({ reached: true, error: null });
    expect(run.report.rejected).toBe(0);
    return run.report;
  };
  const save = (
    who: typeof JUAN,
    handle: string,
    more: Partial<SaveVerificationInput> = {},
    session = clerk,
  ) =>
    t.call(
      'verifySave',
      {
        residentId: who.id,
        document: ocrDocument({ document_number: who.number, expiry_date: who.expiry }),
        corrected: [],
        network: 'x',
        handle,
        proof: 'seen_on_device',
        startedAt: t.clock.now().toISOString(),
        ...more,
      },
      session,
    );
  return { t, clerk, manager, sync, save };
};
