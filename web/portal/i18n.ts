// X-03: the portal speaks zh-CN by default, English on request; the texts are the shared catalogs' (X-04).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs } from '../../common/i18n';
import type { TLocale } from '../../common/shared';

export const initialLocale = (): TLocale => (localStorage.getItem('ed_locale') === 'en' ? 'en' : 'zh-CN');

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: catalogs['zh-CN'] }, en: { translation: catalogs.en } },
  lng: initialLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = initialLocale();

export function setLocale(locale: TLocale) {
  localStorage.setItem('ed_locale', locale);
  document.cookie = `ed_locale=${locale}; path=/; SameSite=Lax`;
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

/** Beijing time, as the desk shows it. */
export const fmt = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso)) : '';

export default i18n;
