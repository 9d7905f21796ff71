import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, formValues } from '../../src/components/form';
import { query } from '../api';
import { useConsole } from '../context';
import { useConsoleAction } from '../use-action';
import { useLoad, useWhen } from '../use-load';

interface Entry {
  readonly id: number;
  readonly at: string;
  readonly action: string;
  readonly device_id: string | null;
  readonly detail: Record<string, unknown>;
}
type Filters = Record<'action' | 'from' | 'to' | 'text', string>;
const NO_FILTERS: Filters = { action: '', from: '', to: '', text: '' };

const detailText = (detail: Record<string, unknown>): string =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');

/** Central's own audit log, filtered, paged back in time, and exported as CSV. */
export const AuditScreen = () => {
  const { t, i18n } = useTranslation();
  const { api } = useConsole();
  const when = useWhen();
  const { busy, error, run } = useConsoleAction();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [older, setOlder] = useState<Entry[]>([]);
  const load = useCallback(
    () => api.get<{ entries: Entry[]; actions: string[] }>(`/audit${query(filters)}`),
    [api, filters],
  );
  const page = useLoad(load);
  const entries = [...(page.data?.entries ?? []), ...older];
  const label = (action: string) =>
    t(`console.auditActions.${action}`, { defaultValue: t('console.audit.unknownAction') });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = formValues(e.currentTarget);
    setOlder([]);
    setFilters({ action: v.action ?? '', from: v.from ?? '', to: v.to ?? '', text: v.text ?? '' });
  };
  const more = async () => {
    const last = entries.at(-1);
    if (!last) return;
    const next = await run(() =>
      api.get<{ entries: Entry[] }>(`/audit${query({ ...filters, before_id: String(last.id) })}`),
    );
    if (next) setOlder((o) => [...o, ...next.entries]);
  };
  const exportCsv = async () => {
    const blob = await run(() =>
      api.download(
        `/audit/export${query({ ...filters, lang: i18n.language === 'en' ? 'en' : 'es' })}`,
      ),
    );
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'central-audit.csv';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="card wide" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('console.audit.title')}</h1>
      <form className="console-form" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor="audit-action">{t('console.audit.action')}</label>
          <select id="audit-action" name="action" defaultValue={filters.action}>
            <option value="">{t('console.audit.anyAction')}</option>
            {(page.data?.actions ?? []).map((a) => (
              <option key={a} value={a}>
                {label(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('console.audit.from')}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('console.audit.to')}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to} />
        </div>
        <div className="field">
          <label htmlFor="audit-text">{t('console.audit.text')}</label>
          <input id="audit-text" name="text" maxLength={200} defaultValue={filters.text} />
        </div>
        <button type="submit" className="primary">
          {t('console.common.search')}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportCsv()}>
          {t('console.audit.export')}
        </button>
      </form>
      <ErrorBanner message={error ?? page.error} />
      {page.data && entries.length === 0 && <p>{t('console.audit.none')}</p>}
      {entries.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('console.audit.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.audit.at')}</th>
                <th scope="col">{t('console.audit.action')}</th>
                <th scope="col">{t('console.audit.device')}</th>
                <th scope="col">{t('console.audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{when(e.at)}</td>
                  <td>{label(e.action)}</td>
                  <td>{e.device_id ?? '—'}</td>
                  <td className="audit-detail">{detailText(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.data && page.data.entries.length >= 100 && (
        <button type="button" disabled={busy} onClick={() => void more()}>
          {t('console.audit.more')}
        </button>
      )}
    </section>
  );
};
