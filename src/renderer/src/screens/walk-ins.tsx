import { zodResolver } from '@hookform/resolvers/zod';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type Addressee,
  dataSchemaFor,
  type FormTemplate,
  type FormValues,
  MAX_ATTACHMENT_BYTES,
} from '../../../shared/contract/forms';
import { printPdf } from '../api/print';
import { useAction, useApp } from '../app-context';
import {
  type AttachmentMediaType,
  attachmentMediaTypes,
  isAttachmentMediaType,
} from '../../../shared/media-types';
import { ErrorBanner } from '../components/form';
import './forms/forms.css';
import { emptyParty, PartyFields, type PartyState, toFilingParty } from './forms/party-fields';
import { langOf, TemplateFields } from './forms/template-fields';

type Filed = { entryId: string; provisionalNumber: string; filedAt: string };
type Attachment = { filename: string; mediaType: AttachmentMediaType; dataBase64: string };

const readBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });

/** One filing: keyed by template, so the form state starts fresh for every template. */
const WalkInForm = ({
  template,
  addressees,
  townName,
  onFiled,
  onCancel,
}: {
  template: FormTemplate;
  addressees: readonly Addressee[];
  townName: string;
  onFiled: (f: Filed) => void;
  onCancel: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { busy, error, run, setError } = useAction();
  const schema = dataSchemaFor(template) as unknown as z.ZodType<FormValues, FormValues>;
  const { register, handleSubmit, formState } = useForm<FormValues>({
    resolver: zodResolver(schema),
  });
  const [party, setParty] = useState<PartyState>(emptyParty);
  const [addressee, setAddressee] = useState(template.defaultAddressee);
  const [consent, setConsent] = useState(false);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const lang = langOf(i18n.language);

  const addFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    for (const file of files) {
      const mediaType = file.type;
      if (!isAttachmentMediaType(mediaType))
        return setError(t('errors.forms_attachment_unreadable', { file: file.name }));
      if (file.size > MAX_ATTACHMENT_BYTES) {
        return setError(
          t('errors.forms_attachment_too_large', {
            file: file.name,
            mb: MAX_ATTACHMENT_BYTES / 1024 / 1024,
          }),
        );
      }
      const dataBase64 = await readBase64(file);
      setAttachments((list) =>
        [...list, { filename: file.name, mediaType, dataBase64 }].slice(
          0,
          template.attachments.max,
        ),
      );
    }
  };

  const submit = handleSubmit(async (data) => {
    const who = toFilingParty(party);
    if (!who) return setError(t('forms.ui.pickResident'));
    if (!consent) return setError(t('errors.forms_consent_required'));
    const filed = await run(() =>
      api.formsFile({
        templateId: template.id,
        data,
        ...who,
        addressee,
        consent,
        language: lang,
        attachments,
      }),
    );
    if (filed) onFiled(filed);
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="walkin-form-title">
      <h2 id="walkin-form-title">{template.title[lang]}</h2>
      <ErrorBanner message={error} />
      <PartyFields value={party} onChange={setParty} />
      <fieldset className="card">
        <legend>{t('forms.ui.content')}</legend>
        <div className="field">
          <label htmlFor="walkin-addressee">{t('forms.ui.addressee')}</label>
          <select
            id="walkin-addressee"
            value={addressee}
            onChange={(e) => setAddressee(e.target.value)}
          >
            {addressees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <TemplateFields template={template} register={register} errors={formState.errors} />
        {template.attachments.max > 0 && (
          <div className="field">
            <label htmlFor="walkin-files">
              {template.attachments.label?.[lang] ?? t('forms.ui.attachments')}
            </label>
            <input
              id="walkin-files"
              type="file"
              accept={attachmentMediaTypes.join(',')}
              multiple
              onChange={(e) => void addFiles(e)}
              disabled={attachments.length >= template.attachments.max}
              aria-describedby="walkin-files-hint"
            />
            <small id="walkin-files-hint" className="hint">
              {t('forms.ui.attachmentsHint', {
                max: template.attachments.max,
                mb: MAX_ATTACHMENT_BYTES / 1024 / 1024,
              })}
            </small>
            <ul>
              {attachments.map((a, i) => (
                <li key={`${a.filename}-${i}`}>
                  {a.filename}{' '}
                  <button
                    type="button"
                    onClick={() => setAttachments((list) => list.filter((_, j) => j !== i))}
                  >
                    {t('forms.ui.remove', { name: a.filename })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
      <fieldset className="card">
        <legend>{t('forms.ui.consentTitle')}</legend>
        <p id="walkin-consent-text">{t('forms.consent.statement', { town: townName })}</p>
        <label className="check">
          <input
            type="checkbox"
            checked={consent}
            onChange={(e) => setConsent(e.target.checked)}
            aria-describedby="walkin-consent-text"
          />
          {t('forms.consent.checkbox')}
        </label>
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('forms.ui.file')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('ui.common.cancel')}
        </button>
      </div>
    </form>
  );
};

/** Walk-ins: pick a template, fill it in for the resident, file it, print the receipt. */
export const WalkInsScreen = () => {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [templates, setTemplates] = useState<FormTemplate[]>([]);
  const [addressees, setAddressees] = useState<Addressee[]>([]);
  const [townName, setTownName] = useState('');
  const [chosen, setChosen] = useState<FormTemplate | null>(null);
  const [filed, setFiled] = useState<Filed | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const lang = langOf(i18n.language);

  useEffect(() => {
    void run(async () => {
      const [list, config, info] = await Promise.all([
        api.formsTemplates({}),
        api.formsConfigGet({}),
        api.appInfo({}),
      ]);
      setTemplates(list);
      setAddressees(config.addressees);
      setTownName(info.townName);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  useEffect(() => {
    if (filed) resultRef.current?.focus();
  }, [filed]);

  const print = (id: string) =>
    run(async () => {
      const receipt = await api.formsReceipt({ id, language: lang, purpose: 'print' });
      // Recorded only once the print dialog was reached.
      if (await printPdf(api, receipt.base64, receipt.fileName))
        await api.formsReceiptPrinted({ id });
    });

  return (
    <section aria-labelledby="walkins-title">
      <h1 id="walkins-title">{t('forms.ui.walkInsTitle')}</h1>
      <ErrorBanner message={error} />
      {filed ? (
        <div className="card" role="status">
          <h2 ref={resultRef} tabIndex={-1}>
            {t('forms.ui.filedTitle')}
          </h2>
          <p>{t('forms.ui.filedText', { number: filed.provisionalNumber, at: filed.filedAt })}</p>
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void print(filed.entryId)}
            >
              {t('forms.ui.printReceipt')}
            </button>
            <button
              type="button"
              onClick={() => {
                setFiled(null);
                setChosen(null);
              }}
            >
              {t('forms.ui.newFiling')}
            </button>
          </div>
        </div>
      ) : chosen ? (
        <WalkInForm
          key={chosen.id}
          template={chosen}
          addressees={addressees}
          townName={townName}
          onFiled={setFiled}
          onCancel={() => setChosen(null)}
        />
      ) : (
        <>
          <h2>{t('forms.ui.pickTemplate')}</h2>
          <ul className="template-list">
            {templates.map((tpl) => (
              <li key={tpl.id}>
                <button type="button" onClick={() => setChosen(tpl)}>
                  <strong>{tpl.title[lang]}</strong>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
