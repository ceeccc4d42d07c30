// i18next over the shared catalogs (common/i18n), zh-CN by default.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs } from '../../../common/i18n';
import type { TLocale } from '../../../common/shared';

export const initialLocale = (): TLocale => (localStorage.getItem('ed_locale') === 'en' ? 'en' : 'zh-CN');

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: catalogs['zh-CN'] }, en: { translation: catalogs.en } },
  lng: initialLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export function setLocale(locale: TLocale) {
  localStorage.setItem('ed_locale', locale);
  document.cookie = `ed_locale=${locale}; path=/; SameSite=Lax`;
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

export default i18n;
