import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, formValues, Notice } from '../../src/components/form';
import { InlineForm } from '../components/inline-form';
import { ResultsTable } from '../components/results-table';
import { useConsole } from '../context';
import { useConsoleAction } from '../use-action';
import { useLoad, useWhen } from '../use-load';

interface Proof {
  readonly id: string;
  readonly device_name: string | null;
  readonly network: string;
  readonly handle: string;
  readonly challenge_expires_at: string | null;
}

const ProofForm = ({ proof, onDone }: { proof: Proof; onDone: (text: string) => void }) => {
  const { t } = useTranslation();
  const { api } = useConsole();
  const { busy, error, run } = useConsoleAction();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { code = '' } = formValues(e.currentTarget);
    const done = await run(() => api.post(`/proofs/${encodeURIComponent(proof.id)}`, { code }));
    if (done) onDone(t('console.proofs.confirmed', { handle: proof.handle }));
  };
  return (
    <InlineForm
      label={t('console.proofs.codeFor', { handle: proof.handle })}
      field={<input name="code" required maxLength={40} autoComplete="off" placeholder="VNT-…" />}
      error={error}
      onSubmit={(e) => void submit(e)}
    >
      <button type="submit" disabled={busy}>
        {t('console.proofs.confirm')}
      </button>
    </InlineForm>
  );
};

/** Challenges waiting for the code the resident posted, as seen from the town's account. */
export const ProofsScreen = () => {
  const { t } = useTranslation();
  const { api } = useConsole();
  const when = useWhen();
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(
    () => api.get<{ proofs: Proof[] }>('/proofs').then((r) => r.proofs),
    [api],
  );
  const list = useLoad(load);
  return (
    <section className="card wide" aria-labelledby="proofs-title">
      <h1 id="proofs-title">{t('console.proofs.title')}</h1>
      <p className="hint">{t('console.proofs.intro')}</p>
      <ErrorBanner message={list.error} />
      {done && <Notice>{done}</Notice>}
      <ResultsTable
        rows={list.data}
        none={<p>{t('console.proofs.none')}</p>}
        caption={t('console.proofs.listTitle')}
        headers={[
          t('console.directory.handle'),
          t('console.directory.network'),
          t('console.conflicts.counter'),
          t('console.proofs.expires'),
          t('console.proofs.code'),
        ]}
        row={(p) => (
          <tr key={p.id}>
            <td>{p.handle}</td>
            <td>{t(`verifications.networks.${p.network}`)}</td>
            <td>{p.device_name ?? '—'}</td>
            <td>{when(p.challenge_expires_at)}</td>
            <td>
              <ProofForm
                proof={p}
                onDone={(text) => {
                  setDone(text);
                  void list.reload();
                }}
              />
            </td>
          </tr>
        )}
      />
    </section>
  );
};
