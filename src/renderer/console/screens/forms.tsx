import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, Notice } from '../../src/components/form';
import { useConsole } from '../context';
import { fileBase64 } from '../file-base64';
import { useConsoleAction } from '../use-action';

/** A new form template version: checked here, then every counter gets it on its next pull. */
export const FormsScreen = () => {
  const { t } = useTranslation();
  const { api } = useConsole();
  const { busy, error, run } = useConsoleAction();
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const file = new FormData(form).get('file');
    if (!(file instanceof File) || file.size === 0) return;
    setDone(null);
    const published = await run(async () =>
      api.post<{ id: string; version: number; seq: number }>('/forms', {
        file_base64: await fileBase64(file),
      }),
    );
    if (published) {
      form.reset();
      setDone(t('console.forms.published', published));
    }
  };

  return (
    <section className="card" aria-labelledby="forms-title">
      <h1 id="forms-title">{t('console.forms.title')}</h1>
      <p className="hint">{t('console.forms.intro')}</p>
      <form className="console-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="forms-file">{t('console.forms.file')}</label>
          <input id="forms-file" name="file" type="file" accept=".json,application/json" required />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t('console.forms.submit')}
        </button>
      </form>
      <ErrorBanner message={error} />
      {done && <Notice>{done}</Notice>}
    </section>
  );
};
