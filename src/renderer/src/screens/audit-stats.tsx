import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditStats } from '../../../shared/contract/audit';
import type { FormTemplate } from '../../../shared/contract/forms';
import { useApp } from '../app-context';

/** "cita-medica@1" → the form's title in the reader's language (and its version if several). */
const useTemplateTitles = () => {
  const { api } = useApp();
  const { i18n } = useTranslation();
  const [templates, setTemplates] = useState<FormTemplate[]>([]);
  useEffect(() => {
    void api
      .formsTemplates({})
      .then(setTemplates)
      .catch(() => undefined);
  }, [api]);
  const lang = i18n.language === 'en' ? 'en' : 'es';
  return (key: string): string => {
    const [id = key, version] = key.split('@');
    const found = templates.find((tpl) => tpl.id === id);
    return found ? `${found.title[lang]}${version && version !== '1' ? ` (v${version})` : ''}` : id;
  };
};

const Table = ({
  caption,
  heads,
  rows,
}: {
  caption: string;
  heads: string[];
  rows: (string | number)[][];
}) => {
  const { t } = useTranslation();
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {heads.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={heads.length}>{t('audit.ui.stats.none')}</td>
          </tr>
        ) : (
          rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
};

/** Median time-to-verify per week as bars; the table below carries the same figures in text. */
const TtvChart = ({ weeks }: { weeks: AuditStats['medianTimeToVerifyPerWeek'] }) => {
  const max = Math.max(1, ...weeks.map((w) => w.medianSeconds));
  const barW = 36;
  return (
    <svg width={weeks.length * (barW + 8) + 8} height={120} role="img" aria-hidden="true">
      {weeks.map((w, i) => {
        const h = Math.round((w.medianSeconds / max) * 90);
        return (
          <g key={w.week}>
            <rect x={8 + i * (barW + 8)} y={100 - h} width={barW} height={h} fill="var(--accent)" />
            <text x={8 + i * (barW + 8) + barW / 2} y={115} fontSize={9} textAnchor="middle">
              {w.week.slice(5)}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

export const AuditStatsPanel = ({ stats }: { stats: AuditStats }) => {
  const { t } = useTranslation();
  const s = (key: string) => t(`audit.ui.stats.${key}`);
  const templateTitle = useTemplateTitles();
  return (
    <section aria-labelledby="audit-stats-title" className="card audit-wide">
      <h2 id="audit-stats-title">{s('title')}</h2>
      <p>
        {t('audit.ui.stats.pendingProofs', { count: stats.pendingProofs })} ·{' '}
        {t('audit.ui.stats.openConflicts', { count: stats.openConflicts })}
      </p>
      <Table
        caption={s('verificationsPerDay')}
        heads={[s('day'), s('clerk'), s('count')]}
        rows={stats.verificationsPerDay.map((r) => [r.day, r.clerk, r.count])}
      />
      <h3>{s('medianTtv')}</h3>
      {stats.medianTimeToVerifyPerWeek.length > 0 && (
        <TtvChart weeks={stats.medianTimeToVerifyPerWeek} />
      )}
      <Table
        caption={s('medianTtv')}
        heads={[s('week'), s('medianSeconds'), s('count')]}
        rows={stats.medianTimeToVerifyPerWeek.map((r) => [r.week, r.medianSeconds, r.count])}
      />
      <Table
        caption={s('formsByTemplate')}
        heads={[s('template'), s('count')]}
        rows={stats.formsByTemplate.map((r) => [templateTitle(r.template), r.count])}
      />
      <Table
        caption={s('failedLookups')}
        heads={[s('day'), s('count')]}
        rows={stats.failedLookups.map((r) => [r.day, r.count])}
      />
    </section>
  );
};
