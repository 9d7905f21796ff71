import type { Actor } from '../../../src/core/audit/append';
import { createConflictDesk } from '../../../src/core/verifications/conflicts';
import {
  createVerificationService,
  type SaveRequest,
} from '../../../src/core/verifications/verification-service';
import { type FakeClock, testCore } from '../../helpers/test-core';
import {
  ANA,
  documentOf,
  type FixtureResident,
  fixtureRegister,
  LUIS,
  ROSA,
} from './fixture-register';

export const CLERK: Actor = { staffId: null, username: 'clara', role: 'clerk' };
export const MANAGER: Actor = { staffId: null, username: 'marta', role: 'manager' };

/** The desk's services on a real encrypted database, over a small fixture register. */
export const desk = (options: { dataDir?: string; clock?: FakeClock } = {}) => {
  const t = testCore(options);
  const residents = fixtureRegister([ANA, LUIS, ROSA]);
  const service = createVerificationService(t.core.deps, residents, async (u, p) => {
    const row = await t.core.services.auth.checkCredentials(u, p);
    return { username: row.username, role: row.role };
  });
  const conflicts = createConflictDesk(t.core.deps, residents);
  const rows = <T>(sql: string, ...args: unknown[]): T[] =>
    t.core.deps.db.prepare(sql).all(...args) as T[];
  return { t, service, conflicts, rows };
};

export const saveInput = (
  who: FixtureResident,
  handle: string,
  at: Date,
  more: Partial<SaveRequest> = {},
): SaveRequest => ({
  residentId: who.id,
  document: documentOf(who),
  corrected: [],
  network: 'x',
  handle,
  proof: 'seen_on_device',
  startedAt: new Date(at.getTime() - 40_000).toISOString(),
  ...more,
});
