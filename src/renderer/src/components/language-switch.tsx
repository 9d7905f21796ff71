import { useTranslation } from 'react-i18next';
import { languages } from '../../../shared/i18n/define';

export const LanguageSwitch = () => {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang" role="group" aria-label={t('ui.shell.language')}>
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={i18n.language === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {t(`ui.languages.${lng}`)}
        </button>
      ))}
    </div>
  );
};
