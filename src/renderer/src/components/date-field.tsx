import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDayMonthYear, parseDayMonthYear } from '../../../shared/dates';
import './date-field.css';

const isoOf = (d: Date): string => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d));

/**
 * A month grid in the screen's language. A native date input would follow the operating system's
 * locale (an English calendar on a Spanish screen), so the desk draws its own.
 */
const Calendar = ({
  value,
  label,
  onPick,
  onClose,
}: {
  value: string | null;
  label: string;
  onPick: (iso: string) => void;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const [focus, setFocus] = useState(() => new Date(`${value ?? isoOf(new Date())}T00:00:00Z`));
  const grid = useRef<HTMLTableElement>(null);
  const year = focus.getUTCFullYear();
  const month = focus.getUTCMonth();
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
  }, [focus]);

  const locale = i18n.language === 'en' ? 'en-GB' : 'es-ES';
  const title = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(focus);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const dayName = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  // Weeks start on Monday, as Spanish calendars do.
  const lead = (utc(year, month, 1).getUTCDay() + 6) % 7;
  const days = utc(year, month + 1, 0).getUTCDate();
  const cells = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) =>
    cells.slice(w * 7, w * 7 + 7),
  );
  const move = (days: number, months = 0) =>
    setFocus(utc(year, month + months, focus.getUTCDate() + days));

  const onKey = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => move(-1),
      ArrowRight: () => move(1),
      ArrowUp: () => move(-7),
      ArrowDown: () => move(7),
      PageUp: () => move(0, e.shiftKey ? -12 : -1),
      PageDown: () => move(0, e.shiftKey ? 12 : 1),
      Escape: onClose,
    };
    const fn = keys[e.key];
    if (!fn) return;
    e.preventDefault();
    e.stopPropagation();
    fn();
  };

  return (
    <div className="calendar" role="dialog" aria-label={label} onKeyDown={onKey}>
      <div className="calendar-head">
        <button type="button" onClick={() => move(0, -1)} aria-label={t('ui.dates.previous')}>
          ‹
        </button>
        <span aria-live="polite">{title}</span>
        <button type="button" onClick={() => move(0, 1)} aria-label={t('ui.dates.next')}>
          ›
        </button>
      </div>
      <table ref={grid} role="grid" aria-label={title}>
        <thead>
          <tr>
            {[0, 1, 2, 3, 4, 5, 6].map((i) => (
              <th key={i} scope="col">
                {weekday.format(utc(2024, 0, 1 + i))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((d, i) => {
                if (d === null) return <td key={i} />;
                const iso = isoOf(utc(year, month, d));
                const focused = d === focus.getUTCDate();
                return (
                  <td key={i}>
                    <button
                      type="button"
                      tabIndex={focused ? 0 : -1}
                      aria-label={dayName.format(utc(year, month, d))}
                      aria-pressed={iso === value}
                      onClick={() => onPick(iso)}
                    >
                      {d}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/**
 * A date as people write it, dd/mm/aaaa (ISO accepted too), with a calendar in the screen's
 * language. `onChange` gets ISO, or null when empty or not a date yet. With `name`, a hidden input
 * carries the ISO value for plain forms.
 */
export const DateField = ({
  label,
  name,
  id: givenId,
  value,
  defaultValue,
  hint,
  className,
  onChange,
}: {
  label: string;
  name?: string;
  id?: string;
  value?: string | null;
  defaultValue?: string | null;
  hint?: string;
  className?: string;
  /** The ISO date, or null when empty or not a date; and the text as typed. */
  onChange?: (iso: string | null, text: string) => void;
}) => {
  const { t } = useTranslation();
  const auto = useId();
  const id = givenId ?? auto;
  const initial = value ?? defaultValue ?? null;
  const [text, setText] = useState(initial ? formatDayMonthYear(initial) : '');
  const [iso, setIso] = useState<string | null>(initial);
  const [open, setOpen] = useState(false);
  const [touched, setTouched] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // A value changed from outside (another step, a reset) replaces what is shown.
  useEffect(() => {
    if (value === undefined || value === iso) return;
    setIso(value);
    setText(value ? formatDayMonthYear(value) : '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only outside changes
  }, [value]);

  const set = (nextText: string) => {
    setText(nextText);
    const next = nextText.trim() === '' ? null : parseDayMonthYear(nextText);
    setIso(next);
    onChange?.(next, nextText);
  };
  // Said once the field is left, or once the text is as long as a whole date.
  const bad = (touched || text.trim().length >= 10) && text.trim() !== '' && iso === null;
  const described = [hint ? `${id}-hint` : '', bad ? `${id}-error` : ''].filter(Boolean);

  return (
    <div className={`field date-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="date-input">
        <input
          ref={input}
          id={id}
          value={text}
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('ui.dates.placeholder')}
          aria-invalid={bad || undefined}
          aria-describedby={described.length > 0 ? described.join(' ') : undefined}
          onChange={(e) => set(e.target.value)}
          onKeyDown={(e) => {
            // Alt+↓ opens the calendar, as on a native date field.
            if (e.altKey && e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
            }
          }}
          onBlur={() => {
            setTouched(true);
            if (iso) setText(formatDayMonthYear(iso));
          }}
        />
        <button
          type="button"
          className="date-open"
          tabIndex={-1}
          aria-expanded={open}
          aria-label={t('ui.dates.open')}
          onClick={() => setOpen(!open)}
        >
          {/* Drawn, not an emoji: the counter PC may have no emoji font. */}
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <rect
              x="1.5"
              y="3"
              width="13"
              height="11.5"
              rx="1.5"
              fill="none"
              stroke="currentColor"
            />
            <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
          </svg>
        </button>
      </div>
      {name && <input type="hidden" name={name} value={iso ?? ''} />}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {bad && (
        <small id={`${id}-error`} className="field-error">
          {t('ui.dates.invalid')}
        </small>
      )}
      {open && (
        <Calendar
          value={iso}
          label={t('ui.dates.calendar')}
          onPick={(picked) => {
            set(formatDayMonthYear(picked));
            setTouched(true);
            setOpen(false);
            input.current?.focus();
          }}
          onClose={() => {
            setOpen(false);
            input.current?.focus();
          }}
        />
      )}
    </div>
  );
};
