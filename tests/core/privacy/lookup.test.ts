import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JUAN, privacyCounter } from './privacy-fixture';

const actionsAbout = (c: Awaited<ReturnType<typeof privacyCounter>>, id: string) =>
  c.t.core.deps.db
    .prepare(`SELECT action FROM audit_log WHERE subject = ? ORDER BY seq`)
    .pluck()
    .all(`resident:${id}`) as string[];

describe('privacy lookup and export', () => {
  it('audits looking a resident up as a lookup, and only a file handed out as an export', async () => {
    const c = await privacyCounter();
    const seen = await c.t.call('privacyLookup', { residentId: JUAN.id }, c.manager);
    expect(seen.residentId).toBe(JUAN.id);
    expect(actionsAbout(c, JUAN.id)).toEqual(['privacy.looked_up']);
    await c.t.call('privacyExport', { residentId: JUAN.id }, c.manager);
    expect(actionsAbout(c, JUAN.id)).toEqual(['privacy.looked_up', 'privacy.exported']);
    // A clerk may not look.
    await expect(c.t.call('privacyLookup', { residentId: JUAN.id }, c.clerk)).rejects.toMatchObject(
      { code: 'forbidden' },
    );
  });

  it('prints values and times in words in the PDF, never codes or ISO times', async () => {
    const c = await privacyCounter();
    const out = await c.t.call('privacyExportPdf', { residentId: JUAN.id }, c.manager);
    const file = join(c.t.dataDir, out.fileName);
    writeFileSync(file, Buffer.from(out.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Situación: En alta');
    expect(text).toContain('Estado: Verificada');
    expect(text).toContain('Red: X');
    expect(text).toContain('Fecha de nacimiento: 03/05/1952');
    expect(text).toContain('Exportación de datos de un vecino');
    expect(text).toMatch(/generado el \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d \(UTC\+0[12]:00\)/);
    for (const raw of ['active', 'verified', 'Red: x', 'privacy.exported', 'T09:', 'Z ·'])
      expect(text).not.toContain(raw);
  });
});
