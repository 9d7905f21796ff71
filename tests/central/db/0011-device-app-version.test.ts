import { describe, expect, it } from 'vitest';
import { migrationStep } from '../../helpers/migration-steps';
import { storeVariants } from '../harness';
import { centralLadder, seedDevice } from './ladder';

describe.each(storeVariants)('central migration 0011 device-app-version ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'gives a counter enrolled before it no version until its next push reports one',
    async () => {
      const store = await migrationStep(centralLadder(variant), 11, {
        seed: (old) => seedDevice(old),
      });
      expect(await store.query('SELECT id, app_version FROM devices')).toEqual([
        { id: 'dev-1', app_version: null },
      ]);
    },
  );
});
