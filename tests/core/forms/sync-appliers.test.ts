import { describe, expect, it } from 'vitest';
import { bundledTemplates, formsChangeAppliers } from '../../../src/core/forms';
import type { PulledChange } from '../../../src/core/sync/change-appliers';
import { testCore } from '../../helpers/test-core';
import { incidencia } from './forms-fixtures';

const change = (type: string, payload: unknown, seq = 1): PulledChange => ({
  seq,
  type,
  entity_id: 'x',
  version: seq,
  payload,
  created_at: '2026-03-02T10:00:00Z',
});

describe('changes pulled from central', () => {
  it('records the official number inside the page transaction, once, and ignores entries of other counters', async () => {
    const t = testCore();
    const clerk = await t.signInAs('clerk');
    const filed = await t.call('formsFile', incidencia(), clerk);
    const appliers = formsChangeAppliers(t.core.deps);
    const db = t.core.deps.db;
    const apply = (c: PulledChange) => db.transaction(() => appliers[c.type]?.(db, c))();
    const payload = {
      entry_id: filed.entryId,
      official_number: 'RGE-2026-000001',
      assigned_at: '2026-03-02T10:05:00Z',
    };
    apply(change('registry.official_number', payload));
    apply(change('registry.official_number', payload, 2));
    apply(change('registry.official_number', { ...payload, entry_id: 'not-ours' }, 3));
    expect(() =>
      apply(change('registry.official_number', { entry_id: filed.entryId }, 4)),
    ).toThrow();
    const entry = await t.call('formsGet', { id: filed.entryId }, clerk);
    expect(entry).toMatchObject({
      officialNumber: 'RGE-2026-000001',
      status: 'official',
      officialAssignedAt: '2026-03-02T10:05:00Z',
    });
    expect(
      db
        .prepare(`SELECT count(*) n FROM audit_log WHERE action = 'forms.official_number_assigned'`)
        .get(),
    ).toEqual({ n: 1 });
  });

  it('applies a template version published by central', async () => {
    const t = testCore();
    const db = t.core.deps.db;
    const appliers = formsChangeAppliers(t.core.deps);
    const base = bundledTemplates[0];
    if (!base) throw new Error('no templates');
    db.transaction(() =>
      appliers['forms.template']?.(db, change('forms.template', { ...base, version: 5 })),
    )();
    const clerk = await t.signInAs('clerk');
    const listed = await t.call('formsTemplates', {}, clerk);
    expect(listed.find((x) => x.id === base.id)?.version).toBe(5);
  });
});
