import { describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../src/central/enrolment/service';
import { opAppliers } from '../../src/central/op-appliers';
import { appendEntries, rawAttacker } from '../core/audit/audit-fixtures';
import { SYSTEM, testCore } from '../helpers/test-core';
import { startCentral, storeVariants } from './harness';

describe.each(storeVariants)('audit entries in runs, through push ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'an honest drain lands whole in batches; a rewrite in a run is still flagged where it starts',
    async () => {
      const central = await startCentral(variant, opAppliers);
      try {
        const t = testCore();
        const { code } = await createEnrolmentCode(central.store, 'Mostrador 1', new Date());
        const sync = t.core.services.sync;
        await sync.enrol(SYSTEM, central.url, code);
        appendEntries(t.core.deps, 250);
        expect((await sync.syncOnce()).report).toMatchObject({ rejected: 0, pending: 0 });
        const local = t.core.deps.db
          .prepare('SELECT seq, hash FROM audit_log ORDER BY seq')
          .all() as { seq: number; hash: string }[];
        const chain = async () =>
          (
            await central.store.query<{
              size: number;
              head_hash: string;
              flag_problem: string | null;
              flag_seq: number | null;
            }>(
              'SELECT size::int AS size, head_hash, flag_problem, flag_seq::int AS flag_seq FROM audit_chains',
            )
          )[0];
        const size = local.length;
        expect(await chain()).toEqual({
          size,
          head_hash: local.at(-1)?.hash,
          flag_problem: null,
          flag_seq: null,
        });
        const stored = await central.store.query<{ seq: number; hash: string }>(
          'SELECT seq::int AS seq, hash FROM audit_entries ORDER BY seq',
        );
        expect(stored).toEqual(local);

        // Cut the last ten entries on the device and write five new ones over their numbers.
        const raw = rawAttacker(t.dataDir);
        raw.exec(
          `DELETE FROM audit_log WHERE seq > ${size - 10}; DELETE FROM audit_checkpoint WHERE size > ${size - 10};`,
        );
        raw.close();
        appendEntries(t.core.deps, 5);
        expect((await sync.syncOnce()).report).toMatchObject({ rejected: 0, pending: 0 });
        expect(await chain()).toMatchObject({
          size,
          flag_problem: 'rewritten',
          flag_seq: size - 9,
        });
      } finally {
        await central.close();
      }
    },
    120_000,
  );
});
