import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, inTransaction } from '../../../src/core/app/deps';
import { PrivacyExport } from '../../../src/shared/contract/privacy';
import { SYSTEM } from '../../helpers/test-core';
import { csv, HEADER } from '../residents/fixtures';
import { JUAN, privacyCounter, rows, SOFIA } from './privacy-fixture';

describe('privacy export', () => {
  it("contains the resident's verifications, entries, failed lookups and audit, and nobody else's", async () => {
    const c = await privacyCounter();
    const data = PrivacyExport.strict().parse(
      await c.t.call('privacyExport', { residentId: JUAN.id }, c.manager),
    );
    expect(data.register).toMatchObject({ givenNames: 'Juan Carlos', documentMasked: '***5210**' });
    expect(data.verifications.map((v) => [v.id, v.handle, v.state])).toEqual([
      [c.juanVerified, '@juancarlos_d', 'verified'],
      [c.juanRevoked, '@juancarlos.bsky.social', 'revoked'],
    ]);
    expect(data.registryEntries.map((e) => [e.id, e.role])).toEqual([
      [c.juanEntry, 'party'],
      [c.juanAsRep, 'representative'],
    ]);
    expect(data.registryEntries[0]).toMatchObject({
      contact: 'juan@example.org',
      data: { location: 'Calle Real 12' },
      attachments: [{ filename: 'farola.png', removedAt: null }],
    });
    // As a representative they see their own part, not the interested party's content.
    expect(data.registryEntries[1]).toMatchObject({
      name: 'Juan Carlos Díaz Ibáñez',
      contact: '600 000 001',
      data: null,
      attachments: [],
    });
    // Sofía's claim on his handle: he sees that it exists, not her data.
    expect(data.conflicts).toEqual([
      expect.objectContaining({ handle: '@juancarlos_d', role: 'holder', state: 'open' }),
    ]);
    expect(data.failedLookups).toEqual([
      expect.objectContaining({ reason: 'candidates_rejected', documentMasked: '***5210**' }),
    ]);
    const actions = data.audit.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'verification.created',
        'verification.revoked',
        'verification.lookup_failed',
        'forms.filed',
        'privacy.exported',
      ]),
    );
    const subjects = new Set(data.audit.map((a) => a.subject));
    expect(subjects).toContain(`verification:${c.juanVerified}`);
    expect(subjects).toContain('resident:R001');

    // Nobody else's: not Sofía's records, not the unknown number's failed lookup.
    const text = JSON.stringify(data);
    const sofiaEntry = rows<{ provisional_number: string }>(
      c.t,
      'SELECT provisional_number FROM registry_entries WHERE id = ?',
      c.sofiaEntry,
    )[0];
    for (const other of [
      SOFIA.id,
      '@sofia_fuente',
      '***9673**',
      'sofia@example.org',
      c.sofiaVerified,
      c.sofiaEntry,
      sofiaEntry?.provisional_number ?? 'missing',
      'Lucía Pérez Gómez',
    ]) {
      expect(text).not.toContain(other);
    }
    expect(data.audit.every((a) => !a.subject?.startsWith('document:***1111'))).toBe(true);
    // And the export itself is audited, with counts only.
    const entry = rows<{ details: string }>(
      c.t,
      `SELECT details FROM audit_log WHERE action = 'privacy.exported' AND subject = 'resident:R001'`,
    );
    expect(entry.map((e) => JSON.parse(e.details) as unknown)).toEqual([
      { entries: 2, failedLookups: 1, format: 'json', verifications: 2 },
    ]);
  });

  it('gives the claimant of a conflict its audit entries', async () => {
    const c = await privacyCounter();
    const sofia = await c.t.call('privacyExport', { residentId: SOFIA.id }, c.manager);
    expect(sofia.conflicts).toEqual([
      expect.objectContaining({ handle: '@juancarlos_d', role: 'claimant', state: 'open' }),
    ]);
    expect(sofia.audit.map((a) => a.action)).toContain('verification.conflict_queued');
    // The entry names the handle she claimed and the holder's record id, not who holds it.
    const text = JSON.stringify(sofia);
    for (const other of [JUAN.id, '***5210**', 'Juan Carlos', 'juan@example.org']) {
      expect(text).not.toContain(other);
    }
  });

  it('names only the resident among the candidates of a lookup', async () => {
    const c = await privacyCounter();
    const { deps } = c.t.core;
    inTransaction(deps, () =>
      audit(deps, {
        actor: { staffId: null, username: 'clara', role: 'clerk' },
        action: 'verification.lookup_matched',
        subject: 'document:***0000**',
        details: { candidates: [SOFIA.id, JUAN.id] },
      }),
    );
    const data = await c.t.call('privacyExport', { residentId: JUAN.id }, c.manager);
    const matched = data.audit.filter((a) => a.action === 'verification.lookup_matched');
    expect(matched.map((a) => JSON.parse(a.details) as unknown)).toEqual([
      { candidates: [JUAN.id] },
    ]);
  });

  it('prints the same as a PDF, managers only', async () => {
    const c = await privacyCounter();
    await expect(
      c.t.call('privacyExportPdf', { residentId: JUAN.id }, c.clerk),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const out = await c.t.call(
      'privacyExportPdf',
      { residentId: JUAN.id, language: 'es' },
      c.manager,
    );
    const file = join(c.t.dataDir, out.fileName);
    writeFileSync(file, Buffer.from(out.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Datos personales que conserva este mostrador');
    expect(text).toContain('@juancarlos_d');
    expect(text).toContain('***5210**');
    expect(text).not.toContain('@sofia_fuente');
  });

  it('prints names outside Latin-1 exactly', async () => {
    const c = await privacyCounter();
    c.t.core.services.residents.importCsv(
      csv([HEADER, 'R900,DNI,12345678Z,Łukasz,Żółć,Nguyễn,1990-01-01,M,POL,,']),
      // A one-row file deregisters the rest, which this test does not look at.
      { actor: SYSTEM, fileName: 'extra.csv', allowMassDeregistration: true },
    );
    const out = await c.t.call('privacyExportPdf', { residentId: 'R900' }, c.manager);
    const file = join(c.t.dataDir, out.fileName);
    writeFileSync(file, Buffer.from(out.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Łukasz Żółć Nguyễn');
  });

  it('refuses an unknown resident with a translated error', async () => {
    const c = await privacyCounter();
    await expect(
      c.t.call('privacyExport', { residentId: 'R999' }, c.manager),
    ).rejects.toMatchObject({ code: 'privacy_resident_not_found', params: { id: 'R999' } });
  });
});
