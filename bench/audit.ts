import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wireCore } from '../src/core/app/wire-core';
import { audit, inTransaction } from '../src/core/app/deps';
import { iterateAudit } from '../src/core/audit/query';

/**
 * `npm run bench -- audit`: a 100,000-entry log written through the real append path, then
 * verified and exported to PDF (target under 15 s) and CSV. Baseline: reading the same rows.
 * AUDIT_BENCH_ENTRIES changes the size; AUDIT_BENCH_KEEP=1 keeps the PDF for a look.
 */
const N = Number(process.env.AUDIT_BENCH_ENTRIES ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'ventanilla-audit-bench-'));
const core = wireCore({ dataDir: dir, log: () => undefined });
const actor = { staffId: 7, username: 'ana', role: 'clerk' } as const;
const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
};

try {
  const [, appendMs] = await time(() =>
    inTransaction(core.deps, () => {
      for (let i = 0; i < N; i++) {
        audit(core.deps, {
          actor,
          action: i % 3 === 0 ? 'auth.sign_in' : 'settings.changed',
          subject: `resident:***${String(i % 1000).padStart(3, '0')}Z`,
          details: { i, note: 'ventanilla 1' },
        });
      }
    }),
  );
  const [rows, readMs] = await time(() => {
    let n = 0;
    for (const r of iterateAudit(core.deps.db, {})) n += r.seq > 0 ? 1 : 0;
    return n;
  });
  const [verify, verifyMs] = await time(() => core.services.audit.verify());
  const manager = { staffId: 1, username: 'marta', role: 'manager' } as const;
  const [pdf, pdfMs] = await time(() =>
    core.services.audit.exportLog(manager, {
      format: 'pdf',
      purpose: 'export',
      language: 'es',
      filters: {},
    }),
  );
  const [csv, csvMs] = await time(() =>
    core.services.audit.exportLog(manager, {
      format: 'csv',
      purpose: 'export',
      language: 'es',
      filters: {},
    }),
  );
  if (process.env.AUDIT_BENCH_KEEP === '1')
    writeFileSync(join(tmpdir(), 'audit-bench.pdf'), pdf.data);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `entries: ${N} (read back ${rows}), verify ok=${verify.ok} entries=${verify.entries}`,
  );
  console.log(
    `append (one transaction): ${s(appendMs)}  (${((appendMs * 1000) / N).toFixed(1)} µs/entry)`,
  );
  console.log(`baseline, read all rows:  ${s(readMs)}`);
  console.log(
    `verify chain+checkpoints: ${s(verifyMs)}  (${(verifyMs / readMs).toFixed(1)}× baseline)`,
  );
  console.log(
    `PDF export:               ${s(pdfMs)}  (${(pdfMs / readMs).toFixed(1)}× baseline, ${(pdf.data.length / 1e6).toFixed(1)} MB, target < 15 s: ${pdfMs < 15_000 ? 'met' : 'MISSED'})`,
  );
  console.log(
    `CSV export:               ${s(csvMs)}  (${(csvMs / readMs).toFixed(1)}× baseline, ${(csv.data.length / 1e6).toFixed(1)} MB)`,
  );
} finally {
  core.close();
  rmSync(dir, { recursive: true, force: true });
}
