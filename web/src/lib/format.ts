/** Numbers, money, dates and three-language texts in the reader's language. */
import { citeRef } from '../../../src/i18n/refs.ts';
import { useTranslation } from 'react-i18next';
import { CATALOGUE, type Lang, type T3 } from '../i18n/catalogue.ts';
import { isLang } from '../i18n/index.ts';

const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
/**
 * Numbers are grouped as each language writes them: 61 899 in Kazakh and Russian, 61,899 in English
 * (as the CLI does). Browsers' Kazakh number data is uneven, so Kazakh numbers use the Russian rules.
 */
const NUMBER_LOCALES: Record<Lang, string> = { kk: 'ru-RU', ru: 'ru-RU', en: 'en-GB' };
const SCALE: [number, 'fmt.billion' | 'fmt.million' | 'fmt.thousand'][] = [
  [1e9, 'fmt.billion'],
  [1e6, 'fmt.million'],
  [1e3, 'fmt.thousand'],
];

export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

export function formatCount(v: number | null | undefined, lang: Lang, digits = 0): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return new Intl.NumberFormat(NUMBER_LOCALES[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);
}

/** Large sums of money shortened: 2.7 bn, 1.2 m (the exact figure is in the title attribute). */
export function formatMoneyShort(v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '—';
  const abs = Math.abs(v);
  for (const [size, key] of SCALE) {
    if (abs >= size) return `${formatCount(v / size, lang, abs / size >= 100 ? 0 : 2)}${lang === 'en' ? '' : '\u00a0'}${CATALOGUE[key][lang]}`;
  }
  return formatCount(v, lang);
}

export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // Kazakhstan writes dates as 01.12.2026 in both languages; browsers lack Kazakh month names.
  if (lang === 'kk') return new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
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
    /** An act's reference ("Art. 3 §1(6)") as a reader of the language cites it (src/i18n/refs.ts). */
    cite: (ref: string | null | undefined) => (ref ? pick(citeRef(ref), lang) : ''),
    when: (iso: string) => formatDateTime(iso, lang),
  };
}

export type { T3 };
