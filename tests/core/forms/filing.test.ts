import { describe, expect, it } from 'vitest';
import { testCore } from '../../helpers/test-core';
import { incidencia } from './forms-fixtures';

const count = (t: ReturnType<typeof testCore>, sql: string): number =>
  (t.core.deps.db.prepare(sql).get() as { n: number }).n;

const snapshot = (t: ReturnType<typeof testCore>) => ({
  entries: count(t, 'SELECT count(*) n FROM registry_entries'),
  outbox: count(t, 'SELECT count(*) n FROM outbox'),
  audit: count(t, `SELECT count(*) n FROM audit_log WHERE action LIKE 'forms.%'`),
  counters: count(t, 'SELECT coalesce(sum(last_seq), 0) n FROM registry_counters'),
});

describe('filing a walk-in form', () => {
  it('numbers, stores, audits and queues the entry in one go', async () => {
    const t = testCore();
    const clerk = await t.signInAs('clerk', 'ana');
    const filed = await t.call('formsFile', incidencia(), clerk);
    expect(filed.provisionalNumber).toBe('18111-M01-2026-000001');
    const entry = await t.call('formsGet', { id: filed.entryId }, clerk);
    expect(entry).toMatchObject({
      status: 'queued',
      templateId: 'incidencia-via-publica',
      templateVersion: 1,
      epigrafe: 'Comunicación de incidencia en la vía pública',
      addressee: 'servicios-municipales',
      partyName: 'Lucía Pérez Gómez',
      partyDocumentMasked: '***4567**',
      // The kind of incident, not where it is.
      summary: 'Alumbrado',
      clerkName: 'ana',
      officialNumber: null,
    });
    expect(entry.consentText).toContain('art. 12.2');
    expect(entry.filedLocal).toMatch(/^2026-03-02T\d{2}:00:00[+-]\d{2}:\d{2}$/);
    const db = t.core.deps.db;
    expect(
      db.prepare(`SELECT action, subject FROM audit_log WHERE action = 'forms.filed'`).all(),
    ).toEqual([{ action: 'forms.filed', subject: 'registry:18111-M01-2026-000001' }]);
    const queued = db.prepare(`SELECT payload FROM outbox WHERE kind = 'registry.entry'`).all() as {
      payload: string;
    }[];
    expect(queued).toHaveLength(1);
    expect(JSON.parse(queued[0]?.payload ?? '{}')).toMatchObject({
      id: filed.entryId,
      entry_hash: entry.entryHash,
    });
  });

  it('never stores the plain document number, only its mask and keyed hash', async () => {
    const t = testCore();
    const clerk = await t.signInAs('clerk');
    await t.call(
      'formsFile',
      incidencia({ representative: { name: 'Mario Ruiz', document: 'X1234567L' } }),
      clerk,
    );
    const db = t.core.deps.db;
    const dump = JSON.stringify([
      db.prepare('SELECT * FROM registry_entries').all(),
      db.prepare('SELECT * FROM outbox').all(),
      db.prepare('SELECT * FROM audit_log').all(),
    ]);
    expect(dump).not.toContain('12345678Z');
    expect(dump).not.toContain('X1234567L');
    const row = db
      .prepare('SELECT party_doc_hash, rep_doc_masked FROM registry_entries')
      .get() as Record<string, string>;
    expect(row.party_doc_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.rep_doc_masked).toBe('****4567*');
  });

  it('files for a resident from the register without a document number', async () => {
    const t = testCore();
    const clerk = await t.signInAs('clerk');
    const filed = await t.call(
      'formsFile',
      {
        templateId: 'certificado-empadronamiento',
        data: { scope: 'collective', purpose: 'Matrícula escolar' },
        party: {
          kind: 'resident',
          residentId: 'R-42',
          name: 'Ana Gil',
          documentMasked: '***1234**',
        },
        consent: true,
      },
      clerk,
    );
    const entry = await t.call('formsGet', { id: filed.entryId }, clerk);
    expect(entry).toMatchObject({
      partyKind: 'resident',
      partyDocumentMasked: '***1234**',
      addressee: 'secretaria',
    });
    const found = await t.call('formsList', { query: 'R-42' }, clerk);
    expect(found.map((e) => e.id)).toEqual([filed.entryId]);
  });

  it('rejects invalid data with field messages and saves nothing', async () => {
    const t = testCore();
    const clerk = await t.signInAs('clerk');
    await t.call('formsFile', incidencia(), clerk);
    const before = snapshot(t);
    await expect(
      t.call(
        'formsFile',
        incidencia({ data: { type: 'fire', location: '', description: 'x'.repeat(2001) } }),
        clerk,
      ),
    ).rejects.toMatchObject({
      code: 'forms_invalid',
      params: { fields: 'type: option; location: required; description: tooLong', count: 3 },
    });
    await expect(
      t.call(
        'formsFile',
        incidencia({ data: { type: 'road', location: 'a', description: 'b', extra: 'no' } }),
        clerk,
      ),
    ).rejects.toMatchObject({ code: 'forms_invalid', params: { fields: 'extra: unknown' } });
    await expect(t.call('formsFile', incidencia({ consent: false }), clerk)).rejects.toMatchObject({
      code: 'forms_consent_required',
    });
    await expect(
      t.call(
        'formsFile',
        incidencia({ party: { kind: 'non_resident', name: 'X', document: '12345678A' } }),
        clerk,
      ),
    ).rejects.toMatchObject({ code: 'forms_document_invalid', params: { who: 'party' } });
    await expect(
      t.call('formsFile', incidencia({ addressee: 'nowhere' }), clerk),
    ).rejects.toMatchObject({
      code: 'forms_addressee_unknown',
    });
    await expect(
      t.call('formsFile', incidencia({ templateId: 'nope' }), clerk),
    ).rejects.toMatchObject({
      code: 'forms_template_not_found',
    });
    await expect(t.call('formsFile', incidencia(), undefined)).rejects.toMatchObject({
      code: 'not_signed_in',
    });
    expect(snapshot(t)).toEqual(before);
    // The next good filing takes the next number: the failures burnt none.
    expect((await t.call('formsFile', incidencia(), clerk)).provisionalNumber).toBe(
      '18111-M01-2026-000002',
    );
  });

  it('searches the registry book by number, name, template and local date', async () => {
    const t = testCore();
    const clerk = await t.signInAs('clerk');
    const first = await t.call('formsFile', incidencia(), clerk);
    t.clock.advance(2 * 24 * 60 * 60_000);
    const later = await t.signInAs('clerk', 'bea');
    await t.call(
      'formsFile',
      {
        templateId: 'instancia-general',
        data: { subject: 'Vado', facts: 'Tengo cochera.', request: 'Licencia de vado.' },
        party: { kind: 'non_resident', name: 'Pedro Sanz', document: 'AB123456' },
        consent: true,
      },
      later,
    );
    const ids = async (input: Parameters<typeof t.call<'formsList'>>[1]) =>
      (await t.call('formsList', input, later)).map((e) => e.provisionalNumber);
    expect(await ids({})).toEqual(['18111-M01-2026-000002', '18111-M01-2026-000001']);
    expect(await ids({ query: '000001' })).toEqual([first.provisionalNumber]);
    expect(await ids({ query: 'sanz' })).toEqual(['18111-M01-2026-000002']);
    expect(await ids({ templateId: 'incidencia-via-publica' })).toEqual(['18111-M01-2026-000001']);
    expect(await ids({ from: '2026-03-03' })).toEqual(['18111-M01-2026-000002']);
    expect(await ids({ to: '2026-03-02' })).toEqual(['18111-M01-2026-000001']);
    expect(await ids({ query: '%' })).toEqual([]);
  });
});
