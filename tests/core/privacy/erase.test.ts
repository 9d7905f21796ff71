import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErasureReport } from '../../../src/shared/contract/privacy';
import { JUAN, markStoredAtCentral, privacyCounter, rows, SOFIA } from './privacy-fixture';

interface EntryFields {
  id: string;
  party_name: string;
  party_doc_masked: string | null;
  party_contact: string | null;
  rep_name: string | null;
  rep_doc_masked: string | null;
  rep_doc_hash: string | null;
  rep_contact: string | null;
  data: string;
  entry_hash: string;
  erased_at: string | null;
}

describe('privacy erase', () => {
  it('removes the personal fields and keeps the register, registry entries and audit', async () => {
    const c = await privacyCounter();
    const { t } = c;
    markStoredAtCentral(t, c.juanEntry);
    const attachment = rows<{ id: string }>(
      t,
      'SELECT id FROM registry_attachments WHERE entry_id = ?',
      c.juanEntry,
    )[0];
    const sealed = join(t.dataDir, 'attachments', `${attachment?.id ?? 'missing'}.enc`);
    const entriesBefore = rows<EntryFields>(t, 'SELECT * FROM registry_entries ORDER BY id');
    const auditBefore = rows<{ seq: number; hash: string }>(
      t,
      'SELECT seq, hash FROM audit_log ORDER BY seq',
    );
    const sofiaBefore = rows(t, `SELECT * FROM verifications WHERE resident_id = 'R002'`);

    await expect(
      t.call('privacyErase', { residentId: JUAN.id, confirm: SOFIA.id }, c.manager),
    ).rejects.toMatchObject({ code: 'privacy_confirm_mismatch' });
    await expect(
      t.call('privacyErase', { residentId: JUAN.id, confirm: JUAN.id }, c.clerk),
    ).rejects.toMatchObject({ code: 'forbidden' });

    const report = ErasureReport.strict().parse(
      await t.call('privacyErase', { residentId: JUAN.id, confirm: JUAN.id }, c.manager),
    );
    expect(report.erased).toEqual({
      verifications: 2,
      revoked: 1,
      requests: 0,
      conflicts: 0,
      failedLookups: 1,
      lookupLocks: 0,
      entryContacts: 2,
      entryContents: 1,
      attachments: 1,
    });
    expect(report.kept).toMatchObject({
      registerRow: true,
      registryEntries: 2,
      entriesAwaitingSync: 0,
      // Sofía's claim on Juan's handle waits for a manager; it is kept, and said so.
      openConflicts: 1,
    });
    expect(report.kept.auditEntries).toBeGreaterThan(5);

    // Verifications: personal fields gone, the statistics columns and the rows stay.
    const juan = rows<Record<string, unknown>>(
      t,
      'SELECT * FROM verifications WHERE id IN (?, ?) ORDER BY id',
      c.juanVerified,
      c.juanRevoked,
    );
    expect(juan).toHaveLength(2);
    for (const v of juan) {
      expect(v).toMatchObject({
        state: 'revoked',
        resident_id: '',
        handle: '',
        handle_key: '',
        platform_user_id: null,
        document_hash: '',
        document_masked: '',
        resident_masked_name: null,
      });
      expect(v.network).toMatch(/^(x|bluesky)$/);
      expect(v.time_to_verify_ms).toEqual(expect.any(Number));
    }
    // Central hears that the handle in force is revoked, so its directory stops vouching for it.
    expect(
      rows(
        t,
        `SELECT 1 FROM outbox WHERE kind = 'verification.revoked' AND entity_id = ?`,
        c.juanVerified,
      ),
    ).toHaveLength(1);
    expect(rows(t, `SELECT reason FROM failed_lookups`)).toHaveLength(2);
    expect(rows(t, `SELECT * FROM verifications WHERE resident_id = 'R002'`)).toEqual(sofiaBefore);

    // Registry entries: kept with name and masked document; contact, hash and content cleared.
    const entries = new Map(
      rows<EntryFields>(t, 'SELECT * FROM registry_entries').map((e) => [e.id, e]),
    );
    const party = entries.get(c.juanEntry);
    expect(party).toMatchObject({
      party_name: 'Juan Carlos Díaz Ibáñez',
      party_doc_masked: '***5210**',
      party_contact: null,
      data: '{}',
      erased_at: t.clock.now().toISOString(),
    });
    expect(party?.entry_hash).toBe(entriesBefore.find((e) => e.id === c.juanEntry)?.entry_hash);
    const asRep = entries.get(c.juanAsRep);
    expect(asRep).toMatchObject({
      rep_name: 'Juan Carlos Díaz Ibáñez',
      rep_doc_hash: null,
      rep_contact: null,
      // The interested party's own content and contact are not Juan's to erase.
      party_contact: '600 111 222',
    });
    expect(asRep?.rep_doc_masked).toBe('***5210**');
    expect(asRep?.data).toBe(entriesBefore.find((e) => e.id === c.juanAsRep)?.data);
    expect(entries.get(c.sofiaEntry)).toEqual(entriesBefore.find((e) => e.id === c.sofiaEntry));
    expect(existsSync(sealed)).toBe(false);
    expect(
      rows(
        t,
        'SELECT 1 FROM registry_attachments WHERE id = ? AND removed_at IS NOT NULL',
        attachment?.id,
      ),
    ).toHaveLength(1);

    // The register row is the padrón: kept.
    expect(
      rows(t, 'SELECT resident_id, document_hash FROM residents WHERE resident_id = ?', JUAN.id),
    ).toEqual([{ resident_id: JUAN.id, document_hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    // The audit log is untouched, still verifies, and holds no name or plain document number.
    const auditAfter = rows<{ seq: number; hash: string }>(
      t,
      'SELECT seq, hash FROM audit_log ORDER BY seq',
    );
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(await t.call('auditVerify', {}, c.manager)).toMatchObject({ ok: true });
    const plain = rows(
      t,
      `SELECT seq FROM audit_log WHERE details LIKE ? OR details LIKE ? OR subject LIKE ?
         OR details LIKE ? OR details LIKE ?`,
      '%74252101%',
      '%75996735%',
      '%74252101%',
      `%${JUAN.name}%`,
      `%${SOFIA.name}%`,
    );
    expect(plain).toEqual([]);
    const erased = rows<{ subject: string; details: string }>(
      t,
      `SELECT subject, details FROM audit_log WHERE action = 'privacy.erased'`,
    );
    expect(erased).toHaveLength(1);
    expect(erased[0]?.subject).toBe('resident:R001');

    // What is left to export: the register row, the entry filed as the interested party (the
    // representative's link was the erased document hash) and the audit trail.
    const left = await t.call('privacyExport', { residentId: JUAN.id }, c.manager);
    expect(left.verifications).toEqual([]);
    expect(left.failedLookups).toEqual([]);
    expect(left.registryEntries.map((e) => e.id)).toEqual([c.juanEntry]);
    expect(left.audit.map((a) => a.action)).toContain('privacy.erased');
  });

  it('keeps the content of an entry central has not stored yet', async () => {
    const c = await privacyCounter();
    const report = await c.t.call(
      'privacyErase',
      { residentId: JUAN.id, confirm: ` ${JUAN.id} ` },
      c.manager,
    );
    expect(report.erased).toMatchObject({ entryContents: 0, attachments: 0 });
    expect(report.kept.entriesAwaitingSync).toBe(1);
    const entry = rows<EntryFields>(
      c.t,
      'SELECT * FROM registry_entries WHERE id = ?',
      c.juanEntry,
    )[0];
    expect(entry?.party_contact).toBeNull();
    expect(JSON.parse(entry?.data ?? '{}')).toMatchObject({ location: 'Calle Real 12' });
  });

  it('keeps an attachment file whose bytes central has not confirmed yet', async () => {
    const c = await privacyCounter();
    c.t.core.deps.db
      .prepare('UPDATE registry_entries SET synced_at = ? WHERE id = ?')
      .run(c.t.clock.now().toISOString(), c.juanEntry);
    const report = await c.t.call(
      'privacyErase',
      { residentId: JUAN.id, confirm: JUAN.id },
      c.manager,
    );
    expect(report.erased).toMatchObject({ entryContents: 1, attachments: 0 });
    expect(
      rows(
        c.t,
        'SELECT 1 FROM registry_attachments WHERE entry_id = ? AND removed_at IS NULL',
        c.juanEntry,
      ),
    ).toHaveLength(1);
  });
});
