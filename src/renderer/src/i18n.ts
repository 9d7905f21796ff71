import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { messages } from '../../shared/i18n';

export const initI18n = async (): Promise<typeof i18next> => {
  await i18next.use(initReactI18next).init({
    resources: { es: { translation: messages.es }, en: { translation: messages.en } },
    lng: 'es',
    fallbackLng: 'es',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.on('languageChanged', (lng) => document.documentElement.setAttribute('lang', lng));
  return i18next;
};
