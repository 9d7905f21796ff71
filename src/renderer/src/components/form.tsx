import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

export const Field = ({
  label,
  hint,
  ...input
}: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) => {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
};

export const ErrorBanner = ({ message }: { message: string | null }) =>
  message ? (
    <p role="alert" className="error">
      {message}
    </p>
  ) : null;

export const Notice = ({ children }: { children: ReactNode }) => (
  <p role="status" className="notice">
    {children}
  </p>
);

/** Reads a submitted form's fields as strings. */
export const formValues = (form: HTMLFormElement): Record<string, string> =>
  Object.fromEntries(
    [...new FormData(form).entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']),
  );
