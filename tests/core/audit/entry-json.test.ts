import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AuditEntry, entryJson } from '../../../src/core/audit/append';
import { canonicalJson } from '../../../src/core/audit/canonical-json';

const entry = fc.record<AuditEntry>({
  seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  utc_offset_min: fc.integer({ min: -720, max: 840 }),
  device: fc.string(),
  actor_id: fc.option(fc.integer(), { nil: null }),
  actor_name: fc.string({ unit: 'grapheme' }),
  actor_role: fc.constantFrom('clerk', 'manager', 'admin', 'system'),
  action: fc.string(),
  subject: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
  details: fc.json(),
});

describe('the audit entry serialisation', () => {
  it('is byte-identical to the canonical JSON the chain was specified with', () => {
    fc.assert(
      fc.property(entry, (e) => {
        expect(entryJson(e)).toBe(canonicalJson(e));
      }),
      { numRuns: 2000 },
    );
  });
});
