import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FormTemplate, FormValues, TemplateField } from '../../../../shared/contract/forms';

type Lang = 'es' | 'en';

const langOf = (language: string): Lang => (language.startsWith('en') ? 'en' : 'es');

interface Props {
  readonly template: FormTemplate;
  readonly register: UseFormRegister<FormValues>;
  readonly errors: FieldErrors<FormValues>;
}

/** One template field, labelled, described and announced when invalid. */
const Field = ({
  field,
  register,
  error,
  lang,
}: {
  field: TemplateField;
  register: Props['register'];
  error: string | undefined;
  lang: Lang;
}) => {
  const { t } = useTranslation();
  const id = `f-${field.name}`;
  const describedBy =
    [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required || undefined,
  };
  const label = `${field.label[lang]}${field.required ? ' *' : ''}`;
  const hint = field.hint && (
    <small id={`${id}-hint`} className="hint">
      {field.hint[lang]}
    </small>
  );
  const message = error && (
    <small id={`${id}-error`} className="field-error" role="alert">
      {t(error)}
    </small>
  );
  if (field.kind === 'multiselect') {
    return (
      <fieldset
        className="field choice"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      >
        <legend>{label}</legend>
        {field.options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" value={o.value} {...register(field.name)} />
            {o.label[lang]}
          </label>
        ))}
        {hint}
        {message}
      </fieldset>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {field.kind === 'text' && (
        <input {...common} maxLength={field.maxLength} {...register(field.name)} />
      )}
      {field.kind === 'textarea' && (
        <textarea {...common} rows={4} maxLength={field.maxLength} {...register(field.name)} />
      )}
      {field.kind === 'select' && (
        <select {...common} {...register(field.name)}>
          <option value="">{t('forms.ui.choose')}</option>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label[lang]}
            </option>
          ))}
        </select>
      )}
      {hint}
      {message}
    </div>
  );
};

/** Renders any template generically; validation messages come from the shared zod schema. */
export const TemplateFields = ({ template, register, errors }: Props) => {
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);
  return (
    <>
      {template.banner && (
        <p
          className={`banner ${template.banner.tone}`}
          role={template.banner.tone === 'danger' ? 'alert' : 'note'}
        >
          {template.banner.text[lang]}
        </p>
      )}
      {template.fields.map((f) => {
        const error = errors[f.name]?.message;
        return (
          <Field
            key={f.name}
            field={f}
            register={register}
            error={typeof error === 'string' ? error : undefined}
            lang={lang}
          />
        );
      })}
    </>
  );
};

export { langOf };
