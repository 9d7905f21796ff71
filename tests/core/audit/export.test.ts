import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { auditCsv, csvCell } from '../../../src/core/audit/csv';
import type { AuditRow } from '../../../src/shared/contract/audit';
import { tempDir } from '../../helpers/temp-dir';
import { testCore } from '../../helpers/test-core';
import { appendEntries, rawAttacker } from './audit-fixtures';

const pdfToPng = async (pdf: string, page: number, dpi: number) => {
  const prefix = join(tempDir(), 'p');
  execFileSync('pdftoppm', [
    '-f',
    String(page),
    '-l',
    String(page),
    '-r',
    String(dpi),
    '-png',
    '-singlefile',
    pdf,
    prefix,
  ]);
  return sharp(`${prefix}.png`).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
};

const inkShare = (img: { data: Buffer; info: { width: number; height: number } }): number => {
  let dark = 0;
  for (let i = 0; i < img.data.length; i += 4) if ((img.data[i] ?? 255) < 224) dark++;
  return dark / (img.info.width * img.info.height);
};

describe('audit PDF', () => {
  it('prints the filters, count, pages and head hash, as text and as a QR code', async () => {
    const t = testCore();
    const manager = await t.signInAs('manager', 'marta');
    await t.signInAs('clerk', 'ana');
    await t.signInAs('clerk', 'luis');
    appendEntries(t.core.deps, 400);
    // Ana's entries are the ones the manager asks for.
    appendEntries(t.core.deps, 120, 'auth.sign_in', { staffId: 2, username: 'ana', role: 'clerk' });
    const file = await t.call(
      'auditExport',
      { format: 'pdf', filters: { staff: 'ana', from: '2026-03-01' } },
      manager,
    );
    expect(file).toMatchObject({ mimeType: 'application/pdf', count: 121 });
    expect(file.fileName).toMatch(/^auditoria-\d{8}-\d{4}\.pdf$/);
    const verify = await t.call('auditVerify', {}, manager);
    expect(verify.ok).toBe(true);

    const path = join(tempDir(), file.fileName);
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1],
    );
    expect(pages).toBeGreaterThan(1);
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(
      /Page size:\s+841.89 x 595.28/,
    );
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Registro de auditoría');
    expect(text).toContain('Ayuntamiento de Jun');
    expect(text).toContain('Periodo: 01/03/2026 a hoy');
    expect(text).toContain('Filtros: personal ana; acción cualquiera; asunto cualquiera');
    expect(text).toContain('Impreso por marta (Responsable) el 02/03/2026 10:00:00 (UTC+01:00)');
    // Actions and roles in words, times local with their offset.
    expect(text).toContain('Inicio de sesión');
    expect(text).toContain('ana (Personal de ventanilla)');
    expect(text).toContain('02/03/2026 10:00:00 (UTC+01:00)');
    expect(text).not.toContain('auth.sign_in');
    expect(text).not.toContain('2026-03-02T');
    expect(text).toContain('Entradas en este documento: 121');
    expect(text).toContain(`Entradas en el registro completo: ${verify.entries}`);
    expect(text).toContain('el registro está íntegro');
    expect(text).toContain(verify.head);
    expect(text).toContain(`Página 1 de ${pages}`);
    expect(text).toContain(`Página ${pages} de ${pages}`);
    expect(text).not.toMatch(/\bluis\b/);

    const first = await pdfToPng(path, 1, 72);
    const last = await pdfToPng(path, pages, 150);
    expect(inkShare(first)).toBeGreaterThan(0.01);
    expect(inkShare(last)).toBeGreaterThan(0.01);
    const qr = jsQR(new Uint8ClampedArray(last.data), last.info.width, last.info.height);
    expect(qr?.data).toBe(verify.head);

    // The print itself is in the log, with what was asked for.
    const [entry] = t.core.deps.db
      .prepare(`SELECT actor_name, details FROM audit_log WHERE action = 'audit.exported'`)
      .all() as { actor_name: string; details: string }[];
    expect(entry).toEqual({
      actor_name: 'marta',
      details: '{"filters":{"from":"2026-03-01","staff":"ana"},"format":"pdf"}',
    });
  });

  it('says so in English, and prints a tampered result when the chain is broken', async () => {
    const t = testCore();
    const manager = await t.signInAs('manager', 'marta');
    const file = await t.call(
      'auditExport',
      { format: 'pdf', language: 'en', purpose: 'print' },
      manager,
    );
    const path = join(tempDir(), file.fileName);
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Audit log');
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('the log is intact');
    // Made to print: recorded by auditPrinted once the dialog is reached, not here.
    expect(
      t.core.deps.db
        .prepare(`SELECT count(*) FROM audit_log WHERE action LIKE 'audit.%ed'`)
        .pluck()
        .get(),
    ).toBe(0);

    // An attacker edits entry 1 in the file: the next print says so, and from where.
    const raw = rawAttacker(t.dataDir);
    raw.prepare(`UPDATE audit_log SET actor_name = 'nobody' WHERE seq = 1`).run();
    raw.close();
    const again = await t.call('auditExport', { format: 'pdf', language: 'en' }, manager);
    writeFileSync(path, Buffer.from(again.base64, 'base64'));
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain(
      'LOG TAMPERED WITH from entry 1 (entry modified)',
    );
  });
});

const row = (over: Partial<AuditRow>): AuditRow => ({
  seq: 1,
  at: '2026-03-02T09:00:00.000Z',
  utcOffsetMin: 60,
  device: 'dev',
  actorId: 1,
  actorName: 'ana',
  actorRole: 'clerk',
  action: 'auth.sign_in',
  subject: null,
  details: '{}',
  hash: 'h',
  ...over,
});

describe('audit CSV', () => {
  it('escapes every formula-injection lead character', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${lead}HYPERLINK("http://x")`, ';').replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=1+1', ';')).toBe(`'=1+1`);
    expect(csvCell('@SUM(A1)', ',')).toBe(`'@SUM(A1)`);
    expect(csvCell('-2', ';')).toBe(`'-2`);
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvCell('plain', ';')).toBe('plain');
    expect(csvCell(null, ';')).toBe('');
  });

  it('writes UTF-8 with BOM, ; in Spanish and , in English, one escaped row per entry', () => {
    const rows = [
      row({ subject: '=cmd|/C calc!A0', details: '{"note":"Peña; +34"}' }),
      row({ seq: 2, actorName: '@evil' }),
    ];
    const es = auditCsv(rows, 'es', 'Europe/Madrid');
    expect(es.count).toBe(2);
    expect([...es.csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = es.csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Nº;Fecha y hora;Equipo;Personal;Rol;Acción;Asunto;Detalles;Código de acción;Código de asunto;Detalles (JSON);Huella',
    );
    // Words for people, then the codes for machines.
    expect(lines[1]).toBe(
      `1;02/03/2026 10:00:00 (UTC+01:00);dev;ana;Personal de ventanilla;Inicio de sesión;'=cmd|/C calc!A0;Ha entrado en la aplicación.;auth.sign_in;'=cmd|/C calc!A0;"{""note"":""Peña; +34""}";h`,
    );
    expect(lines[2]).toContain(`;'@evil;`);
    const en = auditCsv(rows, 'en', 'Europe/Madrid').csv.toString('utf8');
    expect(en.split('\r\n')[0]).toBe(
      '\uFEFFNo.,Date and time,Device,Staff,Role,Action,Subject,Details,Action code,Subject code,Details (JSON),Hash',
    );
  });

  it('exports through the operation with the filters applied', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin', 'root');
    appendEntries(t.core.deps, 5, 'settings.changed');
    const file = await t.call(
      'auditExport',
      { format: 'csv', filters: { action: 'settings.changed' } },
      admin,
    );
    expect(file).toMatchObject({ count: 5, mimeType: 'text/csv; charset=utf-8' });
    const body = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(body.trim().split('\r\n')).toHaveLength(6);
  });
});
