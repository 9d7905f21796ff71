import type { AuditFilters, AuditRow, AuditVerifyResult } from '../../shared/contract/audit';
import type { Language } from '../../shared/i18n';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { readSettings } from '../settings/settings-service';
import type { Actor } from './append';
import { auditCsv } from './csv';
import { auditPdf } from './pdf';
import { countAudit, iterateAudit, listAudit } from './query';
import { auditStats } from './stats';
import { verifyAuditLog } from './verify';

export interface AuditExportRequest {
  readonly format: 'pdf' | 'csv';
  readonly purpose: 'export' | 'print';
  readonly language: Language;
  readonly filters: AuditFilters;
}

export interface AuditExportFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly data: Buffer;
  readonly count: number;
}

/** Drops unset filters so the audit entry records exactly what was asked for. */
const filterDetails = (f: AuditFilters): Record<string, string> =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;

const stamp = (d: Date): string =>
  d.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

/** Reading and exporting the log, each audited: who looked at the log is itself in the log. */
export const createAuditService = (deps: CoreDeps) => {
  const verify = (): AuditVerifyResult => verifyAuditLog(deps.db);

  const list = (
    actor: Actor,
    filters: AuditFilters,
    offset: number,
    limit: number,
  ): { entries: AuditRow[]; total: number } => {
    // Scrolling fetches further pages of the same query; only opening a query is recorded.
    if (offset === 0) {
      inTransaction(deps, () =>
        audit(deps, {
          actor,
          action: 'audit.viewed',
          details: { filters: filterDetails(filters) },
        }),
      );
    }
    return {
      entries: listAudit(deps.db, filters, offset, limit),
      total: countAudit(deps.db, filters),
    };
  };

  const exportLog = async (actor: Actor, req: AuditExportRequest): Promise<AuditExportFile> => {
    const at = deps.clock.now();
    // Recorded before rendering, so the exported head hash already covers this export. A
    // print is recorded by printed() only once the print dialog was reached.
    if (req.purpose === 'export') {
      inTransaction(deps, () =>
        audit(deps, {
          actor,
          action: 'audit.exported',
          details: { format: req.format, filters: filterDetails(req.filters) },
        }),
      );
    }
    const base = `${req.language === 'es' ? 'auditoria' : 'audit'}-${stamp(at)}`;
    if (req.format === 'csv') {
      const { csv, count } = auditCsv(
        iterateAudit(deps.db, req.filters),
        req.language,
        readSettings(deps.db).timeZone,
      );
      return { fileName: `${base}.csv`, mimeType: 'text/csv; charset=utf-8', data: csv, count };
    }
    const result = verify();
    const { pdf, count } = await auditPdf(iterateAudit(deps.db, req.filters), {
      lang: req.language,
      townName: readSettings(deps.db).townName,
      device: deps.deviceId,
      filters: req.filters,
      printedBy: actor.username,
      printedByRole: actor.role,
      printedAt: at,
      timeZone: readSettings(deps.db).timeZone,
      verify: result,
    });
    return { fileName: `${base}.pdf`, mimeType: 'application/pdf', data: pdf, count };
  };

  const stats = (range: { from?: string; to?: string }) =>
    auditStats(deps.db, range, readSettings(deps.db).timeZone);

  const printed = (actor: Actor, filters: AuditFilters): void => {
    inTransaction(deps, () =>
      audit(deps, {
        actor,
        action: 'audit.printed',
        details: { format: 'pdf', filters: filterDetails(filters) },
      }),
    );
  };

  return { verify, list, exportLog, printed, stats };
};

export type AuditService = ReturnType<typeof createAuditService>;
