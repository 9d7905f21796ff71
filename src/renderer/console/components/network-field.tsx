import { useTranslation } from 'react-i18next';
import { networks } from '../../../shared/contract/verifications';

/**
 * The network a handle belongs to. With `anyLabel` the choice may be left open (a look-up
 * across networks); without it one must be picked, Bluesky first.
 */
export const NetworkField = ({
  id,
  anyLabel,
}: {
  readonly id: string;
  readonly anyLabel?: string;
}) => {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('console.directory.network')}</label>
      <select
        id={id}
        name="network"
        required={anyLabel === undefined}
        defaultValue={anyLabel === undefined ? 'bluesky' : ''}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {networks.map((n) => (
          <option key={n} value={n}>
            {t(`verifications.networks.${n}`)}
          </option>
        ))}
      </select>
    </div>
  );
};
