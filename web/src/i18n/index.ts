/**
 * i18next with the web app's own catalogue (./catalogue.ts). The chosen language is kept in
 * localStorage, so it survives a reload and the next visit; it also sets <html lang> and the
 * language the server answers in (Accept-Language).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.ts';
import { CATALOGUE, LANGS, type Lang, type MessageKey } from './catalogue.ts';

const STORAGE_KEY = 'amnestia.lang';

function resourcesFor(lang: Lang): Record<MessageKey, string> {
  const out = {} as Record<MessageKey, string>;
  for (const key of Object.keys(CATALOGUE) as MessageKey[]) out[key] = CATALOGUE[key][lang];
  return out;
}

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

function initialLanguage(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage may be disabled
  }
  for (const l of navigator.languages ?? []) {
    const tag = l.slice(0, 2).toLowerCase();
    if (isLang(tag)) return tag;
  }
  return 'ru';
}

function applyLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

const first = initialLanguage();
applyLanguage(first);

void i18next.use(initReactI18next).init({
  lng: first,
  fallbackLng: false,
  resources: { kk: { translation: resourcesFor('kk') }, ru: { translation: resourcesFor('ru') }, en: { translation: resourcesFor('en') } },
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // the choice then lasts until the page is closed
  }
  applyLanguage(lang);
  void i18next.changeLanguage(lang);
}

export function currentLanguage(): Lang {
  return isLang(i18next.language) ? i18next.language : 'ru';
}

export default i18next;
