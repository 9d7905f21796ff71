import { useTranslation } from 'react-i18next';
import { useApp } from '../app-context';
import { ErrorBanner } from '../components/form';
import { useLoaded } from '../use-loaded';

export const StatusScreen = () => {
  const { t } = useTranslation();
  const { api } = useApp();
  const { error, value: status } = useLoaded(() => api.systemStatus({}));

  return (
    <section aria-labelledby="status-title">
      <h1 id="status-title">{t('ui.status.title')}</h1>
      <ErrorBanner message={error} />
      {status && (
        <dl className="facts">
          <dt>{t('ui.status.version')}</dt>
          <dd>{status.version}</dd>
          <dt>{t('ui.status.dataDir')}</dt>
          <dd>
            <code>{status.dataDir}</code>
          </dd>
          <dt>{t('ui.status.schema')}</dt>
          <dd>
            {t('ui.status.schemaValue', {
              version: status.schemaVersion,
              known: status.knownSchemaVersion,
            })}
          </dd>
          <dt>{t('ui.status.encryption')}</dt>
          <dd>{status.encrypted ? t('ui.status.encrypted') : t('ui.status.notEncrypted')}</dd>
          <dt>{t('ui.status.device')}</dt>
          <dd>
            <code>{status.deviceId}</code>
          </dd>
        </dl>
      )}
    </section>
  );
};
