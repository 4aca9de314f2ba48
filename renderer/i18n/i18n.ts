import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import { en } from './en';
import { type Language, storedLanguage, storeLanguage } from './language';
import { nb } from './nb';

export const initI18n = async (): Promise<void> => {
  await i18next.use(initReactI18next).init({
    resources: { nb: { translation: nb }, en: { translation: en } },
    lng: storedLanguage(window.localStorage),
    fallbackLng: 'nb',
    // React escapes what it renders; escaping here would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
};

export const changeLanguage = async (language: Language): Promise<void> => {
  storeLanguage(window.localStorage, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
};
