import { describe, expect, it } from 'vitest';
import { roles } from '../../src/shared/contract';
import { screens } from '../../src/renderer/src/screens/registry';
import { mayCall } from '../../src/renderer/src/use-can';

describe('"may I?" comes from the contract', () => {
  it('shows each screen to the roles its operation allows, as the menu did before', () => {
    const seenBy = Object.fromEntries(
      screens.map((s) => [s.id, roles.filter((r) => mayCall(s.op, r))]),
    );
    const everyone = ['clerk', 'manager', 'admin'];
    const managers = ['manager', 'admin'];
    expect(seenBy).toEqual({
      verify: everyone,
      conflicts: managers,
      'walk-ins': everyone,
      'registry-book': everyone,
      residents: everyone,
      status: everyone,
      queue: everyone,
      audit: managers,
      privacy: managers,
      staff: ['admin'],
      settings: ['admin'],
    });
  });

  it('lets no role call a local-only operation', () => {
    expect(roles.filter((r) => mayCall('privacyRetentionRun', r))).toEqual([]);
    expect(roles.filter((r) => mayCall('residentsImportCommit', r))).toEqual(['manager', 'admin']);
  });
});
