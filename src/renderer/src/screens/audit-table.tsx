import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  auditActionLabel,
  auditDetailsText,
  auditRoleLabel,
  auditSubjectText,
} from '../../../shared/audit-text';
import type { AuditFilters, AuditRow } from '../../../shared/contract/audit';
import { useApp } from '../app-context';
import { useTimes } from '../time';

const ROW_H = 34;
const VIEW_H = 510;
const PAGE = 100;
const OVERSCAN = 8;

/**
 * The log, newest first, as a virtualised list: only the rows in view are in the DOM, and pages
 * of 100 are fetched as they scroll into view, so a 100,000-entry log opens instantly.
 */
export const AuditTable = ({
  filters,
  total,
  firstPage,
  onOpen,
}: {
  filters: AuditFilters;
  total: number;
  firstPage: readonly AuditRow[];
  onOpen: (row: AuditRow) => void;
}) => {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const times = useTimes();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const [pages, setPages] = useState<ReadonlyMap<number, readonly AuditRow[]>>(
    () => new Map([[0, firstPage]]),
  );
  const [scrollTop, setScrollTop] = useState(0);
  const loading = useRef(new Set<number>());

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + VIEW_H) / ROW_H) + OVERSCAN);

  useEffect(() => {
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) {
      if (pages.has(p) || loading.current.has(p)) continue;
      loading.current.add(p);
      void api
        .auditList({ filters, offset: p * PAGE, limit: PAGE })
        .then((res) => setPages((prev) => new Map(prev).set(p, res.entries)))
        .catch(() => undefined)
        .finally(() => loading.current.delete(p));
    }
  }, [api, filters, first, last, pages]);

  const rows = [];
  for (let i = first; i <= last; i++) {
    const row = pages.get(Math.floor(i / PAGE))?.[i % PAGE];
    rows.push(
      <div
        key={i}
        role="row"
        aria-rowindex={i + 2}
        className="audit-row"
        style={{ top: i * ROW_H, height: ROW_H }}
        tabIndex={row ? 0 : -1}
        onClick={() => row && onOpen(row)}
        onKeyDown={(e) => {
          if (row && (e.key === 'Enter' || e.key === ' ')) {
            e.preventDefault();
            onOpen(row);
          }
        }}
      >
        {row ? (
          <>
            <span role="cell">{row.seq}</span>
            <span role="cell">{times.dateTime(row.at, { seconds: true })}</span>
            <span role="cell" title={auditRoleLabel(lang, row.actorRole)}>
              {row.actorName}
            </span>
            <span role="cell" title={row.action}>
              {auditActionLabel(lang, row.action)}
            </span>
            <span role="cell">{auditSubjectText(lang, row.subject)}</span>
            <span role="cell" className="audit-details">
              {auditDetailsText(lang, row.action, row.details, times.format)}
            </span>
          </>
        ) : (
          <span role="cell">{t('audit.ui.loading')}</span>
        )}
      </div>,
    );
  }

  return (
    <div
      role="table"
      aria-label={t('audit.ui.tableLabel')}
      aria-rowcount={total + 1}
      className="audit-table"
    >
      <div role="row" aria-rowindex={1} className="audit-row audit-head">
        {(['seq', 'at', 'staff', 'action', 'subject', 'details'] as const).map((k) => (
          <span role="columnheader" key={k}>
            {t(`audit.columns.${k}`)}
          </span>
        ))}
      </div>
      <div
        className="audit-viewport"
        style={{ height: Math.min(VIEW_H, Math.max(ROW_H, total * ROW_H)) }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="audit-viewport"
      >
        <div style={{ height: total * ROW_H, position: 'relative' }}>{rows}</div>
      </div>
    </div>
  );
};
