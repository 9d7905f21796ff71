import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileEntryInput } from '../../../../shared/contract/forms';
import type { Resident } from '../../../../shared/contract/residents';
import { useAction, useApp } from '../../app-context';
import { ErrorBanner, Field } from '../../components/form';
import { fullName } from '../../../../shared/person-name';

export interface PartyState {
  readonly kind: 'resident' | 'non_resident';
  readonly resident: { id: string; name: string; documentMasked: string | null } | null;
  readonly name: string;
  readonly document: string;
  readonly contact: string;
  readonly withRepresentative: boolean;
  readonly repName: string;
  readonly repDocument: string;
}

export const emptyParty: PartyState = {
  kind: 'resident',
  resident: null,
  name: '',
  document: '',
  contact: '',
  withRepresentative: false,
  repName: '',
  repDocument: '',
};

/** The party and representative as the filing operation takes them; null when incomplete. */
export const toFilingParty = (
  p: PartyState,
): Pick<FileEntryInput, 'party' | 'representative'> | null => {
  const representative = p.withRepresentative
    ? { name: p.repName, document: p.repDocument }
    : undefined;
  if (p.kind === 'resident') {
    if (!p.resident) return null;
    const party = {
      kind: 'resident' as const,
      residentId: p.resident.id,
      name: p.resident.name,
      ...(p.resident.documentMasked ? { documentMasked: p.resident.documentMasked } : {}),
      ...(p.contact ? { contact: p.contact } : {}),
    };
    return { party, ...(representative ? { representative } : {}) };
  }
  const party = {
    kind: 'non_resident' as const,
    name: p.name,
    document: p.document,
    ...(p.contact ? { contact: p.contact } : {}),
  };
  return { party, ...(representative ? { representative } : {}) };
};

/** Interested party: someone from the register (searched) or typed in; optional representative. */
export const PartyFields = ({
  value,
  onChange,
}: {
  value: PartyState;
  onChange: (p: PartyState) => void;
}) => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { busy, error, run } = useAction();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Resident[] | null>(null);
  const set = (patch: Partial<PartyState>) => onChange({ ...value, ...patch });

  const search = async () => {
    if (!query.trim()) return;
    const found = await run(() => api.residentsSearch({ query: query.trim(), limit: 10 }));
    if (found) setResults(found);
  };

  return (
    <fieldset className="card">
      <legend>{t('forms.ui.party')}</legend>
      <div className="row" role="radiogroup" aria-label={t('forms.ui.partyKind')}>
        <label className="check">
          <input
            type="radio"
            name="partyKind"
            checked={value.kind === 'resident'}
            onChange={() => set({ kind: 'resident' })}
          />
          {t('forms.ui.resident')}
        </label>
        <label className="check">
          <input
            type="radio"
            name="partyKind"
            checked={value.kind === 'non_resident'}
            onChange={() => set({ kind: 'non_resident' })}
          />
          {t('forms.ui.nonResident')}
        </label>
      </div>
      {value.kind === 'resident' ? (
        <>
          {value.resident ? (
            <p className="row">
              <strong>{value.resident.name}</strong>
              {value.resident.documentMasked && <code>{value.resident.documentMasked}</code>}
              <button type="button" onClick={() => set({ resident: null })}>
                {t('forms.ui.change')}
              </button>
            </p>
          ) : (
            <div className="row">
              <Field
                label={t('forms.ui.searchResident')}
                hint={t('forms.ui.searchResidentHint')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void search();
                  }
                }}
              />
              <button type="button" disabled={busy} onClick={() => void search()}>
                {t('forms.ui.search')}
              </button>
            </div>
          )}
          <ErrorBanner message={error} />
          {!value.resident && results && (
            <ul aria-label={t('forms.ui.results')}>
              {results.length === 0 && <li>{t('forms.ui.noResults')}</li>}
              {results.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    onClick={() =>
                      set({
                        resident: {
                          id: r.resident_id,
                          name: fullName(r),
                          documentMasked: r.document_masked,
                        },
                      })
                    }
                  >
                    {fullName(r)} {r.document_masked ?? ''} · {r.address ?? ''}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <>
          <Field
            label={`${t('forms.ui.name')} *`}
            value={value.name}
            onChange={(e) => set({ name: e.target.value })}
            required
            autoComplete="off"
          />
          <Field
            label={`${t('forms.ui.document')} *`}
            hint={t('forms.ui.documentHint')}
            value={value.document}
            onChange={(e) => set({ document: e.target.value })}
            required
            autoComplete="off"
          />
        </>
      )}
      <Field
        label={t('forms.ui.contact')}
        hint={t('forms.ui.contactHint')}
        value={value.contact}
        onChange={(e) => set({ contact: e.target.value })}
        autoComplete="off"
      />
      <label className="check">
        <input
          type="checkbox"
          checked={value.withRepresentative}
          onChange={(e) => set({ withRepresentative: e.target.checked })}
        />
        {t('forms.ui.withRepresentative')}
      </label>
      {value.withRepresentative && (
        <>
          <Field
            label={`${t('forms.ui.repName')} *`}
            value={value.repName}
            onChange={(e) => set({ repName: e.target.value })}
            required
            autoComplete="off"
          />
          <Field
            label={`${t('forms.ui.repDocument')} *`}
            value={value.repDocument}
            onChange={(e) => set({ repDocument: e.target.value })}
            required
            autoComplete="off"
          />
        </>
      )}
    </fieldset>
  );
};
