import { describe, expect, it } from 'vitest';
import { printingHandlers } from '../../../src/core/printing/handlers';
import { SYSTEM, type TestCore, testCore } from '../../helpers/test-core';
import { incidencia } from '../forms/forms-fixtures';

const countOf = (t: TestCore, action: string): number =>
  t.core.deps.db
    .prepare('SELECT count(*) FROM audit_log WHERE action = ?')
    .pluck()
    .get(action) as number;

const ctx = { session: undefined, actor: SYSTEM, setSession: () => undefined };

describe('"printed" is recorded only once printing was started', () => {
  it('a receipt rendered to print records nothing; the page reports the print after the dialog', async () => {
    const t = testCore();
    const clerk = await t.signInAs('clerk', 'ana');
    const filed = await t.call('formsFile', incidencia(), clerk);
    const pdf = await t.call('formsReceipt', { id: filed.entryId, purpose: 'print' }, clerk);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(countOf(t, 'forms.receipt_printed')).toBe(0);
    await t.call('formsReceiptPrinted', { id: filed.entryId, format: 'roll80' }, clerk);
    const row = t.core.deps.db
      .prepare(`SELECT actor_name, subject, details FROM audit_log WHERE action = ?`)
      .get('forms.receipt_printed') as { actor_name: string; subject: string; details: string };
    expect(row.actor_name).toBe('ana');
    expect(row.subject).toMatch(/^registry:18111-M01-\d{4}-000001$/);
    expect(JSON.parse(row.details)).toEqual({
      entry_id: filed.entryId,
      format: 'roll80',
      official_number: null,
    });
    // Saving the file hands the receipt out at once, so that is recorded as it is rendered.
    await t.call('formsReceipt', { id: filed.entryId }, clerk);
    expect(countOf(t, 'forms.receipt_printed')).toBe(2);
  });

  it('an audit PDF made to print records nothing until auditPrinted; a clerk may not report one', async () => {
    const t = testCore();
    const manager = await t.signInAs('manager', 'marta');
    await t.call('auditExport', { format: 'pdf', purpose: 'print' }, manager);
    expect(countOf(t, 'audit.printed')).toBe(0);
    expect(countOf(t, 'audit.exported')).toBe(0);
    await t.call('auditPrinted', { filters: { staff: 'ana' } }, manager);
    expect(countOf(t, 'audit.printed')).toBe(1);
    const clerk = await t.signInAs('clerk', 'ana');
    const { envelope } = await t.core.dispatch('auditPrinted', {}, { sessionId: clerk });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('printPdf goes to the desktop print dialog when there is one, and says so when there is not', async () => {
    const printed: Buffer[] = [];
    const desktop = printingHandlers(async (pdf) => {
      printed.push(pdf);
      return false;
    });
    const pdfBase64 = Buffer.from('%PDF-1.7 test').toString('base64');
    // A cancelled dialog: the page records nothing.
    await expect(desktop.printPdf({ pdfBase64 }, ctx)).resolves.toEqual({
      desktop: true,
      printed: false,
    });
    expect(printed.map((b) => b.toString())).toEqual(['%PDF-1.7 test']);
    const t = testCore();
    const clerk = await t.signInAs('clerk', 'ana');
    await expect(t.call('printPdf', { pdfBase64 }, clerk)).resolves.toEqual({
      desktop: false,
      printed: false,
    });
  });
});
