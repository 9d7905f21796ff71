import { type InputHTMLAttributes, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personalDataIn } from '../../../shared/free-text';

/** Said while staff type a reason that holds a document number, a phone or an email. */
export const PersonalDataWarning = ({ text, id }: { text: string; id?: string }) => {
  const { t } = useTranslation();
  const kinds = personalDataIn(text);
  if (kinds.length === 0) return null;
  return (
    <small id={id} className="hint warning" role="status">
      {t('ui.personalData.warning', {
        kinds: kinds.map((k) => t(`ui.personalData.kinds.${k}`)).join(', '),
      })}
    </small>
  );
};

/** A reason field (uncontrolled, read from its form) that warns about personal data in it. */
export const ReasonInput = (input: InputHTMLAttributes<HTMLInputElement>) => {
  const warningId = useId();
  const [text, setText] = useState('');
  return (
    <>
      <input
        {...input}
        aria-describedby={personalDataIn(text).length > 0 ? warningId : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <PersonalDataWarning text={text} id={warningId} />
    </>
  );
};
