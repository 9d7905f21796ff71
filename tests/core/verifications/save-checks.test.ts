import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OcrDocument } from '../../../src/shared/contract/ocr';
import { translateError } from '../../../src/shared/i18n';
import { ocrDocument } from '../../helpers/ocr-document';
import { SYSTEM, testCore } from '../../helpers/test-core';

const REGISTER = join(import.meta.dirname, '../../fixtures/register/padron-utf8.csv');

/** What Juan Carlos Díaz Ibáñez's (R001's) card reads; R002 is Sofía de la Fuente Álvarez. */
const R001_CARD = ocrDocument({
  document_number: '74252101M',
  surname1: 'DIAZ',
  surname2: 'IBANEZ',
  surnames: 'DIAZ IBANEZ',
  given_names: 'JUAN CARLOS',
  birth_date: '1952-05-03',
  nationality: 'ESP',
  expiry_date: '2031-05-01',
});

const counter = async () => {
  const t = testCore();
  t.core.services.residents.importCsv(readFileSync(REGISTER), {
    actor: SYSTEM,
    fileName: 'padron-utf8.csv',
  });
  const clerk = await t.signInAs('clerk', 'clara');
  await t.signInAs('manager', 'marta');
  const save = (residentId: string, document: OcrDocument, more: object = {}) =>
    t.call(
      'verifySave',
      {
        residentId,
        document,
        network: 'x',
        handle: '@someone_1',
        proof: 'seen_on_device',
        startedAt: t.clock.now().toISOString(),
        ...more,
      },
      clerk,
    );
  const count = () =>
    t.core.deps.db.prepare('SELECT count(*) FROM verifications').pluck().get() as number;
  const actions = () =>
    t.core.deps.db.prepare('SELECT action, details FROM audit_log ORDER BY seq').all() as {
      action: string;
      details: string;
    }[];
  return { t, clerk, save, count, actions };
};

const MARTA = { username: 'marta', password: 'correct horse battery' };

describe('verifySave checks the document against the chosen resident', () => {
  it.each([
    ['a made-up number whose letter fits', '00000000T', 'document_number_malformed'],
    ['a DNI with the wrong control letter', '74252101A', 'document_number_bad_letter'],
    ['a NIE with the wrong control letter', 'X0000000A', 'document_number_bad_letter'],
  ])('refuses %s (%s), translated, and saves nothing', async (_what, number, code) => {
    const { save, count } = await counter();
    const document = {
      ...R001_CARD,
      document_type: number.startsWith('X') ? ('NIE' as const) : ('DNI' as const),
      document_number: number,
    };
    const attempt = save('R001', document);
    await expect(attempt).rejects.toMatchObject({ code });
    const error = await attempt.catch((e: { code: string; params?: Record<string, string> }) => e);
    for (const lang of ['es', 'en'] as const) {
      const text = translateError(lang, error as { code: string });
      expect(text).not.toContain('errors.');
      expect(text).not.toContain(number);
    }
    expect(count()).toBe(0);
  });

  it('refuses the same bad numbers at the register lookup, before anything is logged', async () => {
    const { t, clerk } = await counter();
    await expect(
      t.call('verifyMatch', { document: { ...R001_CARD, document_number: '74252101A' } }, clerk),
    ).rejects.toMatchObject({ code: 'document_number_bad_letter' });
    expect(
      t.core.deps.db.prepare('SELECT count(*) FROM failed_lookups').pluck().get() as number,
    ).toBe(0);
  });

  it("refuses R001's card for R002 without a manager, and tells the desk before the save", async () => {
    const { t, clerk, save, count } = await counter();
    await expect(save('R002', R001_CARD)).rejects.toMatchObject({
      code: 'document_resident_mismatch',
    });
    expect(count()).toBe(0);
    // A clerk is no manager: their own password authorises nothing.
    await expect(
      save('R002', R001_CARD, {
        override: { username: 'clara', password: MARTA.password, reason: 'lo digo yo' },
      }),
    ).rejects.toMatchObject({ code: 'override_needs_manager' });
    // The desk sees the disagreement on the candidate it would pick.
    const match = await t.call(
      'verifyMatch',
      { document: { ...R001_CARD, birth_date: '1952-05-04' } },
      clerk,
    );
    expect(match.candidates.find((c) => c.residentId === 'R001')?.disagreements).toEqual([
      'birth_date_mismatch',
    ]);
  });

  it('saves a disagreeing document with a manager override, audited with its grounds', async () => {
    const { save, actions } = await counter();
    const v = await save(
      'R001',
      { ...R001_CARD, birth_date: '1952-05-04' },
      {
        override: { ...MARTA, reason: 'Fecha mal impresa en el DNI; comprobada en el padrón' },
        entry: 'typed',
      },
    );
    expect(v).toMatchObject({
      state: 'verified',
      overrideBy: 'marta',
      overrideGrounds: ['birth_date_mismatch'],
      entry: 'typed',
    });
    const audited = actions().find((a) => a.action === 'verification.mismatch_override');
    expect(JSON.parse(audited?.details ?? '{}')).toMatchObject({
      manager: 'marta',
      residentId: 'R001',
      grounds: ['birth_date_mismatch'],
      entry: 'typed',
    });
    const created = actions().find((a) => a.action === 'verification.created');
    expect(JSON.parse(created?.details ?? '{}')).toMatchObject({ entry: 'typed' });
  });

  it('saves the matching card without any override, as read', async () => {
    const { save } = await counter();
    await expect(save('R001', R001_CARD)).resolves.toMatchObject({
      state: 'verified',
      overrideGrounds: [],
      entry: 'read',
    });
  });
});

describe('an expired document accepted by a manager', () => {
  it('stays verified, says so on every read and in what goes to central', async () => {
    const { t, clerk, save } = await counter();
    const expired = { ...R001_CARD, expiry_date: '2020-01-31' };
    await expect(save('R001', expired)).rejects.toMatchObject({ code: 'document_expired' });
    const v = await save('R001', expired, {
      override: { ...MARTA, reason: 'DNI en renovación, resguardo presentado' },
    });
    expect(v).toMatchObject({ state: 'verified', overrideGrounds: ['document_expired'] });
    // The document's past expiry does not end the record: the validity period does.
    expect(Date.parse(v.expiresAt ?? '')).toBeGreaterThan(t.clock.now().getTime());
    t.clock.advance(60_000);
    await expect(t.call('verifyGet', { id: v.id }, clerk)).resolves.toMatchObject({
      state: 'verified',
      overrideGrounds: ['document_expired'],
    });
    const [history] = await t.call('verifyHistory', { residentId: 'R001' }, clerk);
    expect(history).toMatchObject({ state: 'verified', overrideGrounds: ['document_expired'] });
    const queued = t.core.deps.db
      .prepare(`SELECT payload FROM outbox WHERE kind = 'verification.created'`)
      .pluck()
      .get() as string;
    expect(JSON.parse(queued)).toMatchObject({
      state: 'verified',
      overrideGrounds: ['document_expired'],
    });
    const receipt = await t.call('verifyReceipt', { id: v.id, language: 'es' }, clerk);
    const file = join(t.dataDir, 'receipt.pdf');
    writeFileSync(file, Buffer.from(receipt.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Verificada, con autorización de marta (documento caducado)',
    );
  });
});
