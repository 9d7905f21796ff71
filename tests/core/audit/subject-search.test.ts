import { describe, expect, it } from 'vitest';
import { audit, inTransaction } from '../../../src/core/app/deps';
import type { AuditAction } from '../../../src/shared/contract/audit-actions';
import { SYSTEM, testCore, type TestCore } from '../../helpers/test-core';
import { importFixture } from '../residents/fixtures';
import { appendEntries } from './audit-fixtures';

const entry = (
  t: TestCore,
  action: AuditAction,
  subject: string,
  details: Record<string, unknown>,
) =>
  inTransaction(t.core.deps, () => audit(t.core.deps, { actor: SYSTEM, action, subject, details }));

/** A register, noise, and the entries a verification of R001 (Juan Carlos Díaz Ibáñez) leaves. */
const withLog = async () => {
  const t = testCore();
  const manager = await t.signInAs('manager', 'marta');
  importFixture(t);
  appendEntries(t.core.deps, 30);
  entry(t, 'verification.lookup_matched', 'document:***5210**', { candidates: ['R001', 'R009'] });
  entry(t, 'verification.created', 'verification:v-1', {
    residentId: 'R001',
    network: 'x',
    handle: '@juancarlos',
  });
  entry(t, 'verification.created', 'verification:v-2', {
    residentId: 'R002',
    network: 'x',
    handle: '@sofia',
  });
  entry(t, 'forms.filed', 'registry:M01-2026-000007', { entry_id: 'e-7' });
  appendEntries(t.core.deps, 30);
  const find = async (subject: string) =>
    (await t.call('auditList', { filters: { subject }, limit: 100 }, manager)).entries.map(
      (e) => `${e.action} ${e.subject}`,
    );
  return { find };
};

describe('audit subject search', () => {
  it('finds a handle in the details', async () => {
    const { find } = await withLog();
    expect(await find('@juancarlos')).toEqual(['verification.created verification:v-1']);
    expect(await find('juancarlos')).toEqual(['verification.created verification:v-1']);
  });

  it('finds every entry about a resident, by inscription id or by name', async () => {
    const { find } = await withLog();
    const about = [
      'verification.created verification:v-1',
      'verification.lookup_matched document:***5210**',
    ];
    expect(await find('R001')).toEqual(about);
    expect(await find('r001')).toEqual(about);
    expect(await find('Juan Carlos Díaz Ibáñez')).toEqual(about);
  });

  it('finds an entry by its number, and a subject by part of it', async () => {
    const { find } = await withLog();
    expect(await find('M01-2026-000007')).toEqual(['forms.filed registry:M01-2026-000007']);
    expect(await find('#1')).toHaveLength(1);
    expect(await find('nadie-en-absoluto')).toEqual([]);
  });
});
