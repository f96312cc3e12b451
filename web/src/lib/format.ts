/** Numbers, money, dates and three-language texts in the reader's language. */
import { useTranslation } from 'react-i18next';
import type { Lang, T3 } from '../i18n/catalogue.ts';
import { isLang } from '../i18n/index.ts';

const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

export function formatCount(v: number | null | undefined, lang: Lang, digits = 0): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);
}

/** Large sums of money shortened: 2.7 bn, 1.2 m (the exact figure is in the title attribute). */
export function formatMoneyShort(v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '—';
  return new Intl.NumberFormat(LOCALES[lang], { notation: 'compact', maximumFractionDigits: 2 }).format(v);
}

export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A text in the language; law texts may lack English (then Russian). */
export function pick(text: { kk: string; ru: string; en?: string | undefined } | null | undefined, lang: Lang): string {
  if (!text) return '';
  if (lang === 'en') return text.en && text.en.length > 0 ? text.en : text.ru;
  return text[lang];
}

/** The reader's language and the helpers bound to it. */
export function useLang() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'ru';
  return {
    t,
    lang,
    n: (v: number | null | undefined, digits = 0) => formatCount(v, lang, digits),
    money: (v: number | null | undefined) => formatMoneyShort(v, lang),
    text: (x: { kk: string; ru: string; en?: string | undefined } | null | undefined) => pick(x, lang),
    when: (iso: string) => formatDateTime(iso, lang),
  };
}

export type { T3 };
