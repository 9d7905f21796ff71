import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, Field, formValues, Notice } from '../../src/components/form';
import type { Language } from '../../../shared/i18n/define';
import { ResultsTable } from '../components/results-table';
import { auditProblemText, deviceErrorText } from '../device-error';
import { useConsole } from '../context';
import { useConsoleAction } from '../use-action';
import { useLoad, useWhen } from '../use-load';

interface Device {
  readonly id: string;
  readonly name: string;
  readonly enrolled_at: string;
  readonly revoked_at: string | null;
  readonly last_seen_at: string | null;
  readonly queue_depth: number | null;
  readonly last_error: string | null;
  readonly app_version: string | null;
  readonly audit_flag: { problem: string; seq: number | null } | null;
  readonly online: boolean;
}

/** IT's counters: who is online, how much each still has to send, what last went wrong. */
export const DevicesScreen = () => {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'es';
  const { api } = useConsole();
  const when = useWhen();
  const { busy, error, run } = useConsoleAction();
  const [code, setCode] = useState<{ name: string; code: string; expires_at: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(
    () => api.get<{ devices: Device[] }>('/devices').then((r) => r.devices),
    [api],
  );
  const list = useLoad(load);

  const enrol = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const { name = '' } = formValues(form);
    const made = await run(() =>
      api.post<{ code: string; expires_at: string }>('/devices/enrolment-codes', { name }),
    );
    if (made) {
      form.reset();
      setCode({ name, ...made });
    }
  };

  const revoke = async (d: Device) => {
    const revoked = await run(() => api.post(`/devices/${encodeURIComponent(d.id)}/revoke`));
    setConfirming(null);
    if (revoked) {
      setDone(t('console.devices.revoked', { name: d.name }));
      await list.reload();
    }
  };

  const state = (d: Device) => (d.revoked_at ? 'revoked' : d.online ? 'online' : 'offline');

  return (
    <>
      <section className="card wide" aria-labelledby="devices-title">
        <h1 id="devices-title">{t('console.devices.title')}</h1>
        <ErrorBanner message={error ?? list.error} />
        {done && <Notice>{done}</Notice>}
        <ResultsTable
          rows={list.data}
          none={<p>{t('console.devices.none')}</p>}
          caption={t('console.devices.listTitle')}
          headers={[
            t('console.devices.name'),
            t('console.devices.state'),
            t('console.devices.queue'),
            t('console.devices.lastSync'),
            t('console.devices.lastError'),
            t('console.devices.version'),
            t('console.common.actions'),
          ]}
          row={(d) => (
            <tr key={d.id}>
              <td>
                {d.name}
                <br />
                <small className="hint">{d.id}</small>
              </td>
              <td>
                <span className={`badge ${state(d)}`}>
                  {t(`console.devices.states.${state(d)}`)}
                </span>
                {d.audit_flag && (
                  <>
                    <br />
                    <small>{auditProblemText(lang, d.audit_flag.problem, d.audit_flag.seq)}</small>
                  </>
                )}
              </td>
              <td>{d.queue_depth ?? '—'}</td>
              <td>{when(d.last_seen_at)}</td>
              <td>{d.last_error ? deviceErrorText(lang, d.last_error) : '—'}</td>
              <td>{d.app_version ?? '—'}</td>
              <td>
                {!d.revoked_at && confirming !== d.id && (
                  <button
                    type="button"
                    onClick={() => setConfirming(d.id)}
                    aria-label={t('console.devices.revokeFor', { name: d.name })}
                  >
                    {t('console.devices.revoke')}
                  </button>
                )}
                {confirming === d.id && (
                  <span className="row">
                    <button
                      type="button"
                      className="danger"
                      disabled={busy}
                      onClick={() => void revoke(d)}
                    >
                      {t('console.devices.confirmRevoke', { name: d.name })}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t('console.common.cancel')}
                    </button>
                  </span>
                )}
              </td>
            </tr>
          )}
        />
      </section>
      <section className="card" aria-labelledby="enrol-title">
        <h2 id="enrol-title">{t('console.devices.enrolTitle')}</h2>
        <p className="hint">{t('console.devices.enrolIntro')}</p>
        <form className="console-form" onSubmit={enrol}>
          <Field label={t('console.devices.newName')} name="name" required maxLength={200} />
          <button type="submit" className="primary" disabled={busy}>
            {t('console.devices.makeCode')}
          </button>
        </form>
        {code && (
          <div role="status" className="notice">
            <p>{t('console.devices.codeFor', { name: code.name })}</p>
            <p className="enrolment-code">
              <code>{code.code}</code>
            </p>
            <p>{t('console.devices.codeExpires', { at: when(code.expires_at) })}</p>
          </div>
        )}
      </section>
    </>
  );
};
