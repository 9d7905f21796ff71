import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AuditFilters,
  type AuditRow,
  type AuditStats,
  type AuditVerifyResult,
} from '../../../shared/contract/audit';
import {
  auditActionLabel,
  auditDetailsText,
  auditRoleLabel,
  auditSubjectText,
} from '../../../shared/audit-text';
import { auditActions } from '../../../shared/contract/audit-actions';
import type { StaffMember } from '../../../shared/contract/staff';
import { useTimes } from '../time';
import { printPdf } from '../api/print';
import { useAction, useApp } from '../app-context';
import { DateField } from '../components/date-field';
import { ErrorBanner, Field, formValues, Notice } from '../components/form';
import { AuditStatsPanel } from './audit-stats';
import { AuditTable } from './audit-table';
import './audit.css';

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> => {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};

const download = (fileName: string, mimeType: string, base64: string): void => {
  const url = URL.createObjectURL(new Blob([bytesOf(base64)], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

const filtersFrom = (v: Record<string, string>): AuditFilters => {
  const f: Record<string, string> = {};
  for (const k of ['from', 'to', 'staff', 'action', 'subject'] as const) {
    const value = v[k]?.trim();
    if (value) f[k] = value;
  }
  return f as AuditFilters;
};

export const AuditScreen = () => {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [query, setQuery] = useState<{
    filters: AuditFilters;
    total: number;
    rows: AuditRow[];
    n: number;
  } | null>(null);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [open, setOpen] = useState<AuditRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [stats, setStats] = useState<AuditStats | null>(null);
  // "Quitar filtros" mounts a fresh form: every field, selects included, back to empty.
  const [formKey, setFormKey] = useState(0);
  const times = useTimes();
  const lang = i18n.language === 'en' ? 'en' : 'es';

  const load = useCallback(
    async (filters: AuditFilters) => {
      const page = await run(() => api.auditList({ filters, offset: 0, limit: 100 }));
      if (page)
        setQuery((q) => ({ filters, total: page.total, rows: page.entries, n: (q?.n ?? 0) + 1 }));
    },
    [api, run],
  );

  useEffect(() => {
    void load({});
    void run(() => api.staffList({})).then((list) => list && setStaff(list));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setOpen(null);
    void load(filtersFrom(formValues(e.currentTarget)));
  };

  const exportAs = async (format: 'pdf' | 'csv', purpose: 'export' | 'print') => {
    setNotice(null);
    const language = i18n.language === 'en' ? 'en' : 'es';
    const file = await run(() =>
      api.auditExport({ format, purpose, language, filters: query?.filters ?? {} }),
    );
    if (!file) return;
    if (purpose === 'print') {
      const filters = query?.filters ?? {};
      // Recorded only once the print dialog was reached.
      await run(async () => {
        if (await printPdf(api, file.base64, file.fileName)) await api.auditPrinted({ filters });
      });
    } else {
      download(file.fileName, file.mimeType, file.base64);
      setNotice(t('audit.ui.exported', { count: file.count, file: file.fileName }));
    }
  };

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.ui.title')}</h1>
      <ErrorBanner message={error} />
      {notice && <Notice>{notice}</Notice>}

      <form
        key={formKey}
        className="card audit-wide"
        onSubmit={apply}
        aria-label={t('audit.ui.filters')}
      >
        <div className="audit-filters">
          <DateField label={t('audit.ui.from')} name="from" />
          <DateField label={t('audit.ui.to')} name="to" />
          <div className="field">
            <label htmlFor="audit-staff">{t('audit.ui.staff')}</label>
            <select id="audit-staff" name="staff" defaultValue="">
              <option value="">{t('audit.ui.anyStaff')}</option>
              {staff.map((m) => (
                <option key={m.id} value={m.username}>
                  {m.displayName} ({m.username})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-action">{t('audit.ui.action')}</label>
            <select id="audit-action" name="action" defaultValue="">
              <option value="">{t('audit.ui.anyAction')}</option>
              {auditActions.map((a) => (
                <option key={a} value={a}>
                  {auditActionLabel(lang, a)}
                </option>
              ))}
            </select>
          </div>
          <Field label={t('audit.ui.subject')} name="subject" hint={t('audit.ui.subjectHint')} />
        </div>
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {t('audit.ui.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setFormKey((k) => k + 1);
              setOpen(null);
              void load({});
            }}
            disabled={busy}
          >
            {t('audit.ui.clear')}
          </button>
        </div>
      </form>

      <div className="row">
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => api.auditVerify({})).then((r) => r && setVerify(r))}
        >
          {t('audit.ui.verify')}
        </button>
        <button
          type="button"
          disabled={busy || !query}
          onClick={() => void exportAs('pdf', 'export')}
        >
          {t('audit.ui.exportPdf')}
        </button>
        <button
          type="button"
          disabled={busy || !query}
          onClick={() => void exportAs('csv', 'export')}
        >
          {t('audit.ui.exportCsv')}
        </button>
        <button
          type="button"
          disabled={busy || !query}
          onClick={() => void exportAs('pdf', 'print')}
        >
          {t('audit.ui.print')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(() =>
              api.auditStats({ from: query?.filters.from, to: query?.filters.to }),
            ).then((r) => r && setStats(r))
          }
        >
          {t('audit.ui.stats.show')}
        </button>
      </div>

      {verify && (
        <p role="status" className={verify.ok ? 'audit-ok' : 'audit-bad'}>
          {verify.ok
            ? t('audit.ui.verifiedOk', { entries: verify.entries, checkpoints: verify.checkpoints })
            : t('audit.ui.verifiedBad', {
                seq: verify.first_bad_seq ?? 0,
                reason: t(`audit.reasons.${verify.reason ?? ''}`),
              })}{' '}
          <small>
            {t('audit.ui.head')}: <code>{verify.head}</code>
          </small>
        </p>
      )}

      {stats && <AuditStatsPanel stats={stats} />}

      {query && (
        <>
          <p>{t('audit.ui.count', { count: query.total })}</p>
          {query.total === 0 ? (
            <p>{t('audit.ui.empty')}</p>
          ) : (
            <AuditTable
              key={query.n}
              filters={query.filters}
              total={query.total}
              firstPage={query.rows}
              onOpen={setOpen}
            />
          )}
        </>
      )}

      {open && (
        <div
          className="card audit-wide audit-entry"
          role="dialog"
          aria-labelledby="audit-entry-title"
        >
          <h2 id="audit-entry-title">{t('audit.ui.details', { seq: open.seq })}</h2>
          <dl className="facts">
            <dt>{t('audit.columns.at')}</dt>
            <dd>{times.dateTime(open.at, { offset: true })}</dd>
            <dt>{t('audit.columns.staff')}</dt>
            <dd>
              {open.actorName} ({auditRoleLabel(lang, open.actorRole)})
            </dd>
            <dt>{t('audit.columns.action')}</dt>
            <dd>
              {auditActionLabel(lang, open.action)} <code>{open.action}</code>
            </dd>
            <dt>{t('audit.columns.subject')}</dt>
            <dd>{auditSubjectText(lang, open.subject) || '—'}</dd>
            <dt>{t('audit.columns.details')}</dt>
            <dd>{auditDetailsText(lang, open.action, open.details, times.format)}</dd>
            <dt>{t('audit.columns.device')}</dt>
            <dd>{open.device}</dd>
            <dt>{t('audit.columns.hash')}</dt>
            <dd>
              <code>{open.hash}</code>
            </dd>
          </dl>
          <details>
            <summary>{t('audit.columns.detailsJson')}</summary>
            <pre>{JSON.stringify(JSON.parse(open.details), null, 2)}</pre>
          </details>
          <button type="button" onClick={() => setOpen(null)} autoFocus>
            {t('audit.ui.close')}
          </button>
        </div>
      )}
    </section>
  );
};
