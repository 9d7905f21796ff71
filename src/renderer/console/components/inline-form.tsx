import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../src/components/form';

/** A row's own action in a table: one field labelled for screen readers, its buttons, its refusal. */
export const InlineForm = ({
  label,
  field,
  error,
  onSubmit,
  children,
}: {
  readonly label: string;
  readonly field: ReactNode;
  readonly error: string | null;
  readonly onSubmit: FormEventHandler<HTMLFormElement>;
  readonly children: ReactNode;
}) => (
  <form className="inline-form" onSubmit={onSubmit}>
    <label>
      <span className="visually-hidden">{label}</span>
      {field}
    </label>
    {children}
    <ErrorBanner message={error} />
  </form>
);

/** The reason a decision is recorded with, as the server accepts it (3 to 500 characters). */
export const ReasonField = () => {
  const { t } = useTranslation();
  return (
    <input
      name="reason"
      required
      minLength={3}
      maxLength={500}
      placeholder={t('console.common.reason')}
    />
  );
};
