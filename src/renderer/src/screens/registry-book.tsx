import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FormTemplate,
  printedDateTime,
  type RegistryEntry,
} from '../../../shared/contract/forms';
import { printPdf } from '../api/print';
import { useAction, useApp } from '../app-context';
import { DateField } from '../components/date-field';
import { ErrorBanner, Field, formValues } from '../components/form';
import './forms/forms.css';
import { downloadPdf } from './forms/receipt-print';
import { langOf } from './forms/template-fields';

/** The registry book: every entry of this counter, searchable, with status and reprint. */
export const RegistryBookScreen = () => {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [entries, setEntries] = useState<RegistryEntry[]>([]);
  const [templates, setTemplates] = useState<FormTemplate[]>([]);
  const lang = langOf(i18n.language);

  const search = useCallback(
    async (filter: { query?: string; templateId?: string; from?: string; to?: string }) => {
      const list = await run(() => api.formsList({ ...filter, limit: 200 }));
      if (list) setEntries(list);
    },
    [api, run],
  );

  useEffect(() => {
    void search({});
    void run(() => api.formsTemplates({})).then((list) => list && setTemplates(list));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  const onSearch = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = formValues(e.currentTarget);
    const pick = (s: string | undefined) => (s ? s : undefined);
    void search({
      query: pick(v.query),
      templateId: pick(v.templateId),
      from: pick(v.from),
      to: pick(v.to),
    });
  };

  const receipt = (entry: RegistryEntry, how: 'print' | 'save') =>
    run(async () => {
      const id = entry.id;
      if (how === 'save') {
        const r = await api.formsReceipt({ id, language: lang });
        return downloadPdf(r.base64, r.fileName);
      }
      const r = await api.formsReceipt({ id, language: lang, purpose: 'print' });
      // Recorded only once the print dialog was reached.
      if (await printPdf(api, r.base64, r.fileName)) await api.formsReceiptPrinted({ id });
    });

  return (
    <section aria-labelledby="book-title">
      <h1 id="book-title">{t('forms.ui.bookTitle')}</h1>
      <form
        className="card row"
        role="search"
        onSubmit={onSearch}
        aria-label={t('forms.ui.search')}
      >
        <Field label={t('forms.ui.bookQuery')} name="query" hint={t('forms.ui.bookQueryHint')} />
        <div className="field">
          <label htmlFor="book-template">{t('forms.ui.template')}</label>
          <select id="book-template" name="templateId" defaultValue="">
            <option value="">{t('forms.ui.all')}</option>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.title[lang]}
              </option>
            ))}
          </select>
        </div>
        <DateField label={t('forms.ui.from')} name="from" />
        <DateField label={t('forms.ui.to')} name="to" />
        <button type="submit" className="primary" disabled={busy}>
          {t('forms.ui.search')}
        </button>
      </form>
      <ErrorBanner message={error} />
      <p role="status">{t('forms.ui.count', { count: entries.length })}</p>
      <table className="table registry-book">
        <thead>
          <tr>
            <th scope="col">{t('forms.ui.number')}</th>
            <th scope="col">{t('forms.receipt.filedAt')}</th>
            <th scope="col">{t('forms.receipt.epigrafe')}</th>
            <th scope="col">{t('forms.receipt.party')}</th>
            <th scope="col">{t('forms.receipt.addressee')}</th>
            <th scope="col">{t('forms.ui.status')}</th>
            <th scope="col">{t('forms.ui.receipt')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <code>{e.provisionalNumber}</code>
                {e.officialNumber && (
                  <>
                    <br />
                    <code aria-label={t('forms.receipt.officialNumber')}>{e.officialNumber}</code>
                  </>
                )}
              </td>
              <td>{printedDateTime(e.filedLocal)}</td>
              <td>{e.epigrafe}</td>
              <td>
                {e.partyName} {e.partyDocumentMasked && <code>{e.partyDocumentMasked}</code>}
              </td>
              <td>{e.addresseeName}</td>
              <td className={`status-${e.status}`}>{t(`forms.ui.statuses.${e.status}`)}</td>
              <td className="row">
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void receipt(e, 'print')}
                  aria-label={t('forms.ui.reprintOf', {
                    number: e.officialNumber ?? e.provisionalNumber,
                  })}
                >
                  {t('forms.ui.reprint')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void receipt(e, 'save')}
                  aria-label={t('forms.ui.saveOf', {
                    number: e.officialNumber ?? e.provisionalNumber,
                  })}
                >
                  {t('forms.ui.savePdf')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
