import { describe, expect, it } from 'vitest';
import { SYSTEM, testCore, type TestCore } from '../../helpers/test-core';
import { csv, fixtureBytes, importFixture } from './fixtures';

const fixtureLines = (): string[] =>
  fixtureBytes('padron-utf8.csv').toString('utf8').trim().split('\r\n');

const statusOf = (t: TestCore, id: string) => t.core.services.residents.getByResidentId(id)?.status;

const upload = async (t: TestCore, session: string, bytes: Buffer) =>
  t.call(
    'residentsImportUpload',
    {
      fileName: 'padron.csv',
      totalBytes: bytes.length,
      chunk: bytes.toString('base64'),
      last: true,
    },
    session,
  );

describe('register re-import: rejected rows are not departures', () => {
  it('keeps the residents whose rows were rejected, and deregisters only who is really absent', () => {
    const t = testCore();
    importFixture(t);
    const lines = fixtureLines();
    // Five rows now carry an impossible birth date; R030 is really gone.
    const broken = ['R003,', 'R007,', 'R011,', 'R019,', 'R025,'];
    const next = lines
      .filter((l) => !l.startsWith('R030,'))
      .map((l) =>
        broken.some((b) => l.startsWith(b)) ? l.replace(/\d{4}-\d{2}-\d{2}/, '31/02/1990') : l,
      );
    const dry = importFixture(t, csv(next), { dryRun: true });
    expect(dry).toMatchObject({ rejected: 5, deregistered: 1, mass_deregistration: false });
    expect(dry.deregistered_residents).toEqual([
      { resident_id: 'R030', name: 'Yolanda Llorente Bravo' },
    ]);
    const real = importFixture(t, csv(next));
    expect(real).toMatchObject({ rejected: 5, deregistered: 1 });
    for (const id of ['R003', 'R007', 'R011', 'R019', 'R025'])
      expect(statusOf(t, id)).toBe('active');
    expect(statusOf(t, 'R030')).toBe('deregistered');
  });
});

describe('register re-import: the mass-deregistration guard', () => {
  it('names everyone a two-row file would deregister and refuses it without explicit consent', () => {
    const t = testCore();
    importFixture(t);
    const lines = fixtureLines();
    const tiny = csv(lines.slice(0, 3));
    const dry = importFixture(t, tiny, { dryRun: true });
    expect(dry).toMatchObject({ deregistered: 37, mass_deregistration: true, dry_run: true });
    expect(dry.deregistered_residents).toHaveLength(37);
    expect(dry.deregistered_residents?.[0]).toEqual({
      resident_id: 'R003',
      name: 'Lucía Pérez Díaz',
    });
    const before = t.core.services.residents.stats();
    expect(() => importFixture(t, tiny)).toThrow(
      expect.objectContaining({
        code: 'register_mass_deregistration',
        params: { count: 37, active: 39, percent: 95, limit: 5 },
      }),
    );
    expect(t.core.services.residents.stats()).toEqual(before);
    const forced = t.core.services.residents.importCsv(tiny, {
      actor: SYSTEM,
      fileName: 'tiny.csv',
      allowMassDeregistration: true,
    });
    expect(forced).toMatchObject({ deregistered: 37 });
    expect(t.core.services.residents.stats()).toMatchObject({ active: 2, deregistered: 37 });
  });

  it('a share at the limit goes through: 1 of 39 is not mass deregistration', () => {
    const t = testCore();
    importFixture(t);
    const report = importFixture(t, csv(fixtureLines().filter((l) => !l.startsWith('R015,'))));
    expect(report).toMatchObject({ deregistered: 1, mass_deregistration: false });
  });

  it('the share is of the register before the file: many new residents do not dilute it', () => {
    const t = testCore();
    importFixture(t);
    const [header = '', ...rows] = fixtureLines();
    // R001 and R002 gone (2 of 39, over 5 %), and 60 newcomers who would make it 2 of 97.
    const kept = rows.filter((l) => !l.startsWith('R001,') && !l.startsWith('R002,'));
    const newcomers = Array.from({ length: 60 }, (_, i) =>
      (rows[i % rows.length] ?? '').replace(/^R\d+,/, `N${String(i).padStart(3, '0')},`),
    );
    expect(() => importFixture(t, csv([header, ...kept, ...newcomers]))).toThrow(
      expect.objectContaining({
        code: 'register_mass_deregistration',
        params: expect.objectContaining({ count: 2, active: 39 }),
      }),
    );
  });

  it('through the operations: a refused commit keeps the upload, and the confirmed commit applies it', async () => {
    const t = testCore();
    const manager = await t.signInAs('manager', 'marta');
    importFixture(t);
    const job = await upload(t, manager, csv(fixtureLines().slice(0, 2)));
    expect(job.report).toMatchObject({ deregistered: 38, mass_deregistration: true });
    await expect(t.call('residentsImportCommit', { job: job.id }, manager)).rejects.toMatchObject({
      code: 'register_mass_deregistration',
    });
    expect(t.core.services.residents.stats().active).toBe(39);
    const report = await t.call(
      'residentsImportCommit',
      { job: job.id, allowMassDeregistration: true },
      manager,
    );
    expect(report).toMatchObject({ deregistered: 38 });
    expect(t.core.services.residents.stats().active).toBe(1);
    // Applied once: the upload is gone afterwards.
    await expect(t.call('residentsImportCommit', { job: job.id }, manager)).rejects.toMatchObject({
      code: 'register_upload_not_found',
    });
  });
});
