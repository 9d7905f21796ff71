import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { applyOfficialNumber } from '../../../src/core/forms';
import { tempDir } from '../../helpers/temp-dir';
import { testCore } from '../../helpers/test-core';
import { incidencia, tinyPng } from './forms-fixtures';

const pdfText = (pdf: Buffer, dir: string): string => {
  const file = join(dir, `r-${Date.now()}.pdf`);
  writeFileSync(file, pdf);
  // -raw keeps reading order; spaces are normalised because pdftotext may break long lines.
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
};

const firstPagePng = async (pdf: Buffer, dir: string) => {
  const file = join(dir, 'page.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '110',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    join(dir, 'page'),
  ]);
  return sharp(join(dir, 'page.png')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
};

describe('the receipt (justificante)', () => {
  it('prints every art. 16.3 element, the consent, the clerk and a QR that decodes to id and hash', async () => {
    const dir = tempDir();
    const t = testCore();
    const clerk = await t.signInAs('clerk', 'ana');
    const photo = tinyPng('farola');
    const filed = await t.call(
      'formsFile',
      incidencia({
        representative: { name: 'Mario Ruiz Soto', document: 'X1234567L' },
        attachments: [
          { filename: 'farola.png', mediaType: 'image/png', dataBase64: photo.toString('base64') },
        ],
      }),
      clerk,
    );
    const entry = await t.call('formsGet', { id: filed.entryId }, clerk);
    const { base64, fileName } = await t.call('formsReceipt', { id: filed.entryId }, clerk);
    expect(fileName).toBe('justificante-18111-M01-2026-000001.pdf');
    const pdf = Buffer.from(base64, 'base64');
    const text = pdfText(pdf, dir);
    for (const expected of [
      'Ayuntamiento de Jun',
      'Justificante de presentación',
      'Número de registro provisional: 18111-M01-2026-000001',
      'Número de registro oficial: pendiente de asignación',
      `Fecha y hora de presentación: 02/03/2026 ${entry.filedLocal.slice(11, 19)} (UTC${entry.filedLocal.slice(19)})`,
      'Epígrafe: Comunicación de incidencia en la vía pública',
      'Órgano destinatario: Servicios Municipales',
      'Interesado',
      'Lucía Pérez Gómez',
      '***4567**',
      'Representante',
      'Mario Ruiz Soto',
      '****4567*',
      'Extracto: Alumbrado',
      'Tipo de incidencia: Alumbrado',
      'La farola lleva una semana apagada.',
      'farola.png',
      entry.attachments[0]?.sha256 ?? 'missing',
      'Consentimiento (art. 12.2 Ley 39/2015)',
      'presente este escrito en su nombre por medios electrónicos',
      'Registrado por: ana',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('12345678Z');

    const page = await firstPagePng(pdf, dir);
    const pixels = page.data;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) dark++;
    expect(dark / (page.info.width * page.info.height)).toBeGreaterThan(0.01);

    const qr = jsQR(new Uint8ClampedArray(pixels), page.info.width, page.info.height);
    expect(qr?.data).toBe(`VENTANILLA-REG:1:${entry.id}:${entry.entryHash}`);
    expect(entry.entryHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows the official number that arrives by sync on a reprint, and audits every print', async () => {
    const dir = tempDir();
    const t = testCore();
    const clerk = await t.signInAs('clerk', 'ana');
    const filed = await t.call('formsFile', incidencia(), clerk);
    await t.call('formsReceipt', { id: filed.entryId }, clerk);
    expect(
      applyOfficialNumber(t.core.deps, filed.entryId, 'RGE-2026-000731', '2026-03-02T11:00:00Z'),
    ).toBe('applied');
    // Replays of the same pull are harmless; a different number is a conflict.
    expect(
      applyOfficialNumber(t.core.deps, filed.entryId, 'RGE-2026-000731', '2026-03-02T11:00:00Z'),
    ).toBe('unchanged');
    expect(() =>
      applyOfficialNumber(t.core.deps, filed.entryId, 'RGE-2026-999999', '2026-03-02T12:00:00Z'),
    ).toThrow('forms_official_number_conflict');
    const entry = await t.call('formsGet', { id: filed.entryId }, clerk);
    expect(entry).toMatchObject({ status: 'official', officialNumber: 'RGE-2026-000731' });
    const reprint = await t.call(
      'formsReceipt',
      { id: filed.entryId, format: 'roll80', language: 'en' },
      clerk,
    );
    const text = pdfText(Buffer.from(reprint.base64, 'base64'), dir);
    expect(text).toContain('Official registry number: RGE-2026-000731');
    expect(text).toContain('18111-M01-2026-000001');
    expect(text).toContain('Proof of filing');
    const prints = t.core.deps.db
      .prepare(
        `SELECT actor_name, details FROM audit_log WHERE action = 'forms.receipt_printed' ORDER BY seq`,
      )
      .all() as { actor_name: string; details: string }[];
    expect(prints.map((p) => [p.actor_name, JSON.parse(p.details)])).toEqual([
      ['ana', { entry_id: filed.entryId, format: 'a4', official_number: null }],
      ['ana', { entry_id: filed.entryId, format: 'roll80', official_number: 'RGE-2026-000731' }],
    ]);
    expect(
      t.core.deps.db
        .prepare(`SELECT count(*) n FROM audit_log WHERE action = 'forms.official_number_assigned'`)
        .get(),
    ).toEqual({ n: 1 });
  });
  it('prints names outside Latin-1 exactly, in an embedded Unicode font, on both formats', async () => {
    const dir = tempDir();
    const t = testCore();
    const admin = await t.signInAs('admin', 'ørsted');
    const filed = await t.call(
      'formsFile',
      incidencia({
        party: {
          kind: 'non_resident',
          name: 'Łukasz Żółć',
          document: 'X1234567L',
          contact: 'łukasz@example.org',
        },
        representative: { name: 'Nguyễn Thị Ánh', document: '12345678Z' },
        data: {
          type: 'lighting',
          location: 'Plaza Ørsted 3',
          description: 'Ἀθήνα, Київ, Nguyễn: la farola parpadea.',
        },
      }),
      admin,
    );
    for (const format of ['a4', 'roll80'] as const) {
      const { base64 } = await t.call('formsReceipt', { id: filed.entryId, format }, admin);
      const pdf = Buffer.from(base64, 'base64');
      const text = pdfText(pdf, dir);
      for (const name of ['Łukasz Żółć', 'Nguyễn Thị Ánh', 'Plaza Ørsted 3', 'Ἀθήνα, Київ']) {
        expect(text).toContain(name);
      }
      expect(text).not.toContain('?');
      const file = join(dir, `fonts-${format}.pdf`);
      writeFileSync(file, pdf);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      // Only the embedded DejaVu subsets: no standard font left that would garble a name.
      expect(fonts).toMatch(/DejaVuSans\b.*yes/);
      expect(fonts).not.toMatch(/Helvetica|Courier/);
    }
  });
});
