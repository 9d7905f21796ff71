import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/contract/residents';
import { ErrorBanner } from '../../src/components/form';
import { ReportView } from '../../src/screens/residents/import-panel';
import { useConsole } from '../context';
import { fileBase64 } from '../file-base64';
import { useConsoleAction } from '../use-action';

/** The padrón at central: a dry run first (the row report), then the import counters receive. */
export const RegisterScreen = () => {
  const { t, i18n } = useTranslation();
  const { api } = useConsole();
  const { busy, error, run } = useConsoleAction();
  const [report, setReport] = useState<ImportReport | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    const answer = await run(async () =>
      api.post<ImportReport>('/register', {
        file_base64: await fileBase64(file),
        file_name: file.name,
        dry_run: data.get('dry_run') === 'on',
        allow_mass_deregistration: data.get('allow_mass') === 'on',
        language: i18n.language === 'en' ? 'en' : 'es',
      }),
    );
    if (answer) setReport(answer);
  };

  return (
    <section className="card wide" aria-labelledby="register-title">
      <h1 id="register-title">{t('console.register.title')}</h1>
      <p className="hint">{t('console.register.intro')}</p>
      <form className="console-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="register-file">{t('console.register.file')}</label>
          <input id="register-file" name="file" type="file" accept=".csv,.txt,text/csv" required />
        </div>
        <label className="check">
          <input type="checkbox" name="dry_run" defaultChecked />
          {t('console.register.dryRun')}
        </label>
        <label className="check">
          <input type="checkbox" name="allow_mass" />
          {t('console.register.allowMass')}
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('console.register.submit')}
        </button>
      </form>
      <ErrorBanner message={error} />
      {report && (
        <div role="status">
          <ReportView report={report} />
        </div>
      )}
    </section>
  );
};
